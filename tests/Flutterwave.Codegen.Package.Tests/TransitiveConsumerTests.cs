using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>
/// buildTransitive reaches projects that only reference a library using the package. They must use the library's
/// generated client, not generate the bundled one again: a second Flutterwave.FlutterwaveClient in the app would
/// clash with the library's (CS0436, an error under TreatWarningsAsErrors).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class TransitiveConsumerTests(PackedPackage package)
{
    [Fact]
    public async Task AppReferencingALibraryThatUsesThePackage_DoesNotGenerateTheBundledClientAgain()
    {
        var workspace = package.CreateWorkspace("transitive");
        var library = workspace.WriteProject(
            "PaymentsLibrary",
            "namespace PaymentsLibrary;\n\npublic static class Payments\n{\n    public static Flutterwave.FlutterwaveClient Create(HttpClient http) => new(http);\n}\n",
            outputType: "Library");
        var app = workspace.WriteProject(
            "App",
            "Console.WriteLine(PaymentsLibrary.Payments.Create(new HttpClient()).Customers.GetType().FullName);\n",
            referencePackage: false,
            items: """<ProjectReference Include="../PaymentsLibrary/PaymentsLibrary.csproj" />""");

        var build = await workspace.BuildAsync(app);
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());
        Assert.Contains("Flutterwave.FlutterwaveClient.g.cs", workspace.GeneratedFiles(library));
        var appGenerated = workspace.GeneratedFiles(app);
        Assert.True(!appGenerated.Any(), $"The app generated code of its own: {string.Join(", ", appGenerated)}");

        var run = await workspace.RunAsync(app);
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("Flutterwave.CustomersClient", run.StandardOutput);
    }
}
