using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>
/// An app already on the first .NET 10 release of Microsoft.Extensions.Logging and .DependencyInjection (10.0.0) adds
/// the package. If the package's dependencies (the runtime's, package/RuntimeDependencies.props) needed any later
/// patch, restore would lift those packages above the app's own references: NU1605 (package downgrade), an error.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class OldestDependenciesConsumerTests(PackedPackage package)
{
    /// <summary>The lowest .NET 10 versions; the package's floors must not be above them.</summary>
    private const string OldestExtensionsVersion = "10.0.0";

    private const string Program = """
        using Flutterwave;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddFlutterwaveClient(o =>
        {
            o.BaseAddress = new Uri(args[0]);
            o.TokenEndpoint = new Uri(new Uri(args[0]), "token");
            o.ClientId = "oldest-client";
            o.ClientSecret = args[1]; // never a literal: FLW0004 would fail this warnings-as-errors build
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var client = provider.GetRequiredService<FlutterwaveClient>();

        var page = await client.Customers.ListCustomersAsync(limit: 1);
        Console.WriteLine($"listed count={page.Count} first={page.Single().Id}");
        """;

    private const string ListJson = """
        {"status":"success","message":"Customers fetched","data":[{"id":"cus_Old1","email":"old@example.com"}],"meta":{"page_info":{"total":1,"current_page":1,"total_pages":1}}}
        """;

    [Fact]
    public async Task AppOnTheFirstNet10ExtensionsPackages_RestoresBuildsAndRunsWithoutWarnings()
    {
        var workspace = package.CreateWorkspace("oldest-dependencies");
        var project = workspace.WriteProject(
            "OldestDependenciesConsumer",
            Program,
            items: $"""
                <PackageReference Include="Microsoft.Extensions.Logging" Version="{OldestExtensionsVersion}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{OldestExtensionsVersion}" />
                """);

        var build = await workspace.BuildAsync(project);
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("NU1605", build.Output);
        Assert.DoesNotContain("NU1608", build.Output);
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());

        // The app's own references were not lifted: restore kept the versions the app asked for.
        var libraries = ResolvedLibraries(project);
        Assert.Contains($"Microsoft.Extensions.Logging/{OldestExtensionsVersion}", libraries);
        Assert.Contains($"Microsoft.Extensions.DependencyInjection/{OldestExtensionsVersion}", libraries);

        using var api = LoopbackApi.Start(
            ("POST", "/token", 200, """{"access_token":"oldest-token","expires_in":600,"token_type":"Bearer"}"""),
            ("GET", "/customers", 200, ListJson));
        var run = await workspace.RunAsync(project, api.BaseAddress.AbsoluteUri, "oldest-secret");
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("listed count=1 first=cus_Old1", run.StandardOutput);
        Assert.Single(api.Requests, r => r.Path == "/customers");
    }

    /// <summary>The <c>id/version</c> keys of every package restore chose, from <c>obj/project.assets.json</c>.</summary>
    private static string[] ResolvedLibraries(string projectPath)
    {
        var assets = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        return json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToArray();
    }
}
