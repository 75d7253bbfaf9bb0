using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>
/// The first thing a user does: reference the package, write no configuration, get the Flutterwave client from the
/// bundled spec, call the API.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class BundledSpecConsumerTests(PackedPackage package)
{
    private const string Program = """
        using Flutterwave;
        using Flutterwave.Runtime;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddFlutterwaveClient(o =>
        {
            o.BaseAddress = new Uri(args[0]);
            o.TokenEndpoint = new Uri(new Uri(args[0]), "token");
            o.ClientId = "consumer-client";
            o.ClientSecret = args[1]; // never a literal: FLW0004 would fail this warnings-as-errors build
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FlutterwaveClient>();

        var created = await client.Customers.CreateCustomerAsync(
            new CustomerRequest { Email = "ada@example.com", Name = new CustomerName { First = "Ada" } },
            new RequestOptions { IdempotencyKey = "idem0123456789abcdef" });
        Console.WriteLine($"created id={created.Id} email={created.Email} first={created.Name?.First}");

        var page = await client.Customers.ListCustomersAsync(limit: 10, page: 2);
        Console.WriteLine($"listed count={page.Count} ids={string.Join(",", page.Select(c => c.Id))} total={page.PageInfo?.Total} current={page.PageInfo?.CurrentPage} pages={page.PageInfo?.TotalPages}");
        """;

    private const string CreatedJson = """
        {"status":"success","message":"Customer created","data":{"id":"cus_A1b2C3","email":"ada@example.com","name":{"first":"Ada"},"created_datetime":"2026-01-02T03:04:05Z"}}
        """;

    private const string ListJson = """
        {"status":"success","message":"Customers fetched","data":[{"id":"cus_L1","email":"b@example.com"},{"id":"cus_L2","email":"c@example.com"}],"meta":{"page_info":{"total":12,"current_page":2,"total_pages":2}}}
        """;

    [Fact]
    public async Task BundledSpec_BuildsWithoutWarnings_AndCallsTheApi()
    {
        var workspace = package.CreateWorkspace("bundled-spec");
        var project = workspace.WriteProject("BundledConsumer", Program);

        var build = await workspace.BuildAsync(project);
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());
        Assert.Contains("Flutterwave.FlutterwaveClient.g.cs", workspace.GeneratedFiles(project));

        using var api = LoopbackApi.Start(
            ("POST", "/token", 200, """{"access_token":"consumer-token","expires_in":600,"token_type":"Bearer"}"""),
            ("POST", "/customers", 201, CreatedJson),
            ("GET", "/customers", 200, ListJson));
        var run = await workspace.RunAsync(project, api.BaseAddress.AbsoluteUri, "consumer-secret");
        Assert.True(run.Succeeded, run.ToString());

        var token = Assert.Single(api.Requests, r => r.Path == "/token");
        Assert.Contains("grant_type=client_credentials", token.Body);
        var requests = api.Requests.Where(r => r.Path != "/token").ToList();
        Assert.All(requests, r => Assert.Equal("Bearer consumer-token", r.Headers.GetValueOrDefault("Authorization")));
        Assert.True(requests.Count == 2, $"Expected 2 requests, got {requests.Count}: {string.Join("; ", requests.Select(r => $"{r.Method} {r.Path}?{r.Query}"))}\n{run}");

        var create = requests[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/customers", create.Path);
        Assert.Equal("idem0123456789abcdef", create.Headers.GetValueOrDefault("X-Idempotency-Key"));
        using (var body = JsonDocument.Parse(create.Body))
        {
            Assert.Equal("ada@example.com", body.RootElement.GetProperty("email").GetString());
            Assert.Equal("Ada", body.RootElement.GetProperty("name").GetProperty("first").GetString());
        }

        var list = requests[1];
        Assert.Equal("GET", list.Method);
        Assert.Equal("/customers", list.Path);
        Assert.Equal(new Dictionary<string, string> { ["limit"] = "10", ["page"] = "2" }, QueryString.Parse(list.Query));

        Assert.Contains("created id=cus_A1b2C3 email=ada@example.com first=Ada", run.StandardOutput);
        Assert.Contains("listed count=2 ids=cus_L1,cus_L2 total=12 current=2 pages=2", run.StandardOutput);
    }
}
