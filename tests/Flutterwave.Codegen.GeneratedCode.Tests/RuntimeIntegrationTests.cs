using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>Generated clients wired to the runtime (auth, DI, paging) over real HTTP on 127.0.0.1.</summary>
public sealed class RuntimeIntegrationTests
{
    private static string ChargeJson(int n) =>
        $$"""{"id":"chg_{{n}}","amount":{{n}}.5,"currency":"NGN","reference":"ref-{{n:000000}}","status":"succeeded"}""";

    private static async Task<LoopbackHttpServer> StartFlutterwaveAsync(Func<RecordedRequest, Microsoft.AspNetCore.Http.HttpContext, Task> api) =>
        await LoopbackHttpServer.StartAsync((request, context) => request.Path == "/token"
            ? LoopbackHttpServer.WriteJsonAsync(context, 200, """{"access_token":"tok-1","expires_in":600,"token_type":"Bearer"}""")
            : api(request, context));

    private static IConfiguration Configuration(LoopbackHttpServer server) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Flutterwave:BaseAddress"] = server.BaseAddress.ToString(),
        ["Flutterwave:TokenEndpoint"] = new Uri(server.BaseAddress, "token").ToString(),
        ["Flutterwave:ClientId"] = "client-1",
        ["Flutterwave:ClientSecret"] = "secret-1",
    }).Build();

    [Fact]
    public async Task OrchestratorClient_FromSeed004_AuthenticatesWithXApiKey()
    {
        await using var server = await LoopbackHttpServer.StartAsync((_, context) =>
            LoopbackHttpServer.WriteJsonAsync(context, 200, """{"operationResultCode":"Success","gatewayReference":"gw-1"}"""));
        var client = Orchestra.Api.OrchestraClient.Create(new ApiClientOptions { BaseAddress = server.BaseAddress, ApiKey = "orchestra-key-1" });

        var result = await client.ChargeAsync(new Orchestra.Api.ChargeRequest
        {
            Amount = 25.00m,
            Currency = "USD",
            PaymentGatewayAccountName = "stripe-production",
            Card = new Orchestra.Api.PaymentCard { CardNumber = "@nQGywsQE9gbURtrXEjTZwtWqeMdK9nsO", ExpirationMonth = 12, ExpirationYear = 2027 },
        });

        Assert.Equal("gw-1", result.GatewayReference);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/PaymentGateway/charge", request.Path);
        Assert.Equal("orchestra-key-1", request.Header("X-Api-Key"));
        Assert.Null(request.Header("Authorization"));

        // The orchestrator's spec declares no trace or idempotency header: its exact client sends neither.
        Assert.Null(request.Header("X-Idempotency-Key"));
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Null(request.Header("X-Trace-Id"));
    }

    [Fact]
    public void OrchestratorClient_WithoutAnApiKey_FailsAtCreation_SayingWhatToSet()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Orchestra.Api.OrchestraClient.Create(new ApiClientOptions()));

        Assert.Contains("X-Api-Key", error.Message);
        Assert.Contains("set ApiKey", error.Message);
    }

    [Fact]
    public async Task BundledClient_ThroughDI_UsesTheFlutterwaveSection_AndAutoPagesLazily()
    {
        await using var server = await StartFlutterwaveAsync((request, context) =>
        {
            var page = int.Parse(request.Query.Split("page=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
            var items = string.Join(",", Enumerable.Range((page * 10) + 1, 2).Select(ChargeJson));
            return LoopbackHttpServer.WriteJsonAsync(context, 200,
                "{\"status\":\"success\",\"message\":\"ok\",\"data\":[" + items + "],\"meta\":{\"page_info\":{\"total\":6,\"current_page\":" + page + ",\"total_pages\":3}}}");
        });
        var services = new ServiceCollection();
        services.AddFlutterwaveClient(Configuration(server));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FlutterwaveClient>();

        var seen = new List<string>();
        await using (var charges = client.Charges.ListChargesAutoPagingAsync(limit: 2).GetAsyncEnumerator())
        {
            Assert.True(await charges.MoveNextAsync());
            seen.Add(charges.Current.Id);
            Assert.Single(server.Requests, r => r.Path == "/charges"); // page 2 not fetched yet
            while (await charges.MoveNextAsync())
            {
                seen.Add(charges.Current.Id);
            }
        }

        Assert.Equal(new[] { "chg_11", "chg_12", "chg_21", "chg_22", "chg_31", "chg_32" }, seen);
        var pages = server.Requests.Where(r => r.Path == "/charges").ToList();
        Assert.Equal(new[] { "?limit=2&page=1", "?limit=2&page=2", "?limit=2&page=3" }, pages.Select(p => p.Query));
        Assert.All(pages, p => Assert.Equal("Bearer tok-1", p.Header("Authorization")));
        Assert.Single(server.Requests, r => r.Path == "/token");
    }

    [Fact]
    public async Task AutoPaging_StopsOnAnEmptyPage_AndHonoursCancellation()
    {
        await using var server = await StartFlutterwaveAsync((_, context) =>
            LoopbackHttpServer.WriteJsonAsync(context, 200, """{"status":"success","message":"ok","data":[],"meta":{"page_info":{"total":0,"current_page":1,"total_pages":9}}}"""));
        var services = new ServiceCollection();
        services.AddFlutterwaveClient(Configuration(server));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FlutterwaveClient>();

        var count = 0;
        await foreach (var charge in client.Charges.ListChargesAutoPagingAsync())
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Single(server.Requests, r => r.Path == "/charges");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var charge in client.Charges.ListChargesAutoPagingAsync(cancellationToken: cts.Token))
            {
                count++;
            }
        });
    }

    [Fact]
    public async Task PublicOperations_SecurityEmpty_AreSentWithoutCredentials()
    {
        await using var server = await LoopbackHttpServer.StartAsync((request, context) => request.Path == "/health"
            ? LoopbackHttpServer.WriteJsonAsync(context, 200, "\"ok\"")
            : LoopbackHttpServer.WriteJsonAsync(context, 200, """{"status":"success","message":"ok","data":[]}"""));
        var client = Features.Api.FeaturesClient.Create(new ApiClientOptions { BaseAddress = server.BaseAddress, ApiKey = "pet-key-1" });

        await client.HealthAsync();
        await client.Pets.ListPetsAsync(Features.Api.PetKind.Cat);

        Assert.Null(Assert.Single(server.Requests, r => r.Path == "/health").Header("X-Pet-Key"));
        Assert.Equal("pet-key-1", Assert.Single(server.Requests, r => r.Path == "/pets").Header("X-Pet-Key"));
    }
}
