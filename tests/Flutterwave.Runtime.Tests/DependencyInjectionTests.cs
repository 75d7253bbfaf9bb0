using System.Diagnostics.Metrics;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime.DependencyInjection;
using Flutterwave.Runtime.Diagnostics;
using Flutterwave.Runtime.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flutterwave.Runtime.Tests;

public sealed class DependencyInjectionTests
{
    /// <summary>Stands in for a generated client: it only keeps the transport it was given.</summary>
    private sealed class FakeClient(IApiTransport transport)
    {
        public IApiTransport Transport { get; } = transport;
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);

            // Runs after authentication, once per attempt.
            Assert.NotNull(request.Headers.Authorization);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task ConfigurationSection_BindsTheOptions_AndUserHandlersRunPerAttempt()
    {
        var calls = 0;
        await using var api = await TestApi.StartAsync((_, context) =>
            Interlocked.Increment(ref calls) == 1 ? LoopbackHttpServer.WriteJsonAsync(context, 503, "{}") : TestApi.Ok(context));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:BaseAddress"] = api.Server.BaseAddress.ToString(),
            ["Payments:TokenEndpoint"] = new Uri(api.Server.BaseAddress, "token").ToString(),
            ["Payments:ClientId"] = TestApi.ClientId,
            ["Payments:ClientSecret"] = TestApi.ClientSecret,
            ["Payments:RetryBaseDelay"] = "00:00:00.001",
        }).Build();
        var counting = new CountingHandler();
        var services = new ServiceCollection();
        services.AddApiClient(TestApi.OAuthDescription(), configuration.GetSection("Payments"), t => new FakeClient(t))
            .AddHttpMessageHandler(() => counting);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeClient>();
        await client.Transport.SendAsync(TestApi.Post(), null, CancellationToken.None);

        Assert.Equal(2, api.ApiRequests.Count);
        Assert.Equal(2, counting.Calls);
        Assert.Equal(1, api.TokenRequests);
    }

    [Fact]
    public async Task ClientsResolvedFromOneProvider_ShareTheTokenCache()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var services = new ServiceCollection();
        services.AddApiClient(TestApi.OAuthDescription(), o =>
        {
            o.BaseAddress = api.Server.BaseAddress;
            o.TokenEndpoint = new Uri(api.Server.BaseAddress, "token");
            o.ClientId = TestApi.ClientId;
            o.ClientSecret = TestApi.ClientSecret;
        }, t => new FakeClient(t));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<FakeClient>().Transport.SendAsync(TestApi.Get(), null, CancellationToken.None);
        await provider.GetRequiredService<FakeClient>().Transport.SendAsync(TestApi.Get(), null, CancellationToken.None);

        Assert.Equal(1, api.TokenRequests);
    }

    [Fact]
    public void InvalidOptions_FailWhenTheClientIsResolved_NamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddApiClient(TestApi.OAuthDescription(), o => o.ClientSecret = "only-the-secret", t => new FakeClient(t));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<FakeClient>());

        Assert.Contains(error.Failures, f => f.Contains("ClientId is not set", StringComparison.Ordinal));
        Assert.DoesNotContain("only-the-secret", error.Message);
    }

    [Fact]
    public async Task EveryCall_LogsOneInformationLine_RedactedBodiesAtTrace_AndMetrics()
    {
        var calls = 0;
        await using var api = await TestApi.StartAsync((_, context) =>
            Interlocked.Increment(ref calls) == 1
                ? LoopbackHttpServer.WriteJsonAsync(context, 502, "{}")
                : LoopbackHttpServer.WriteJsonAsync(context, 201, """{"status":"success","data":{"id":"chg_1","card":{"number":"4111111111111111"}}}"""));
        var capture = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        // The description's meter is named after the client ("TestClient"); instruments carry its lower-cased name.
        var description = TestApi.OAuthDescription();
        using var requests = new MetricCollector<long>(description.Telemetry.Meter, "testclient.client.requests");
        using var retries = new MetricCollector<long>(description.Telemetry.Meter, "testclient.client.retries");
        using var duration = new MetricCollector<double>(description.Telemetry.Meter, "testclient.client.request.duration");

        // A unique operation id: the meter is process-wide and other tests run in parallel.
        var request = new ApiRequest(HttpMethod.Post, "loggingTestCharge", "/charges") { IdempotencyKeyHeader = TestApi.IdempotencyKey, TraceIdHeader = TestApi.TraceId };
        request.AppendPath("/charges");
        request.SetBody("""{"amount":10,"card_number":"5531886652142950","cvv":"564"}"""u8.ToArray(), "application/json");
        await api.Transport(loggers: loggers, description: description).SendAsync(
            request,
            new RequestOptions { TraceId = "trace-log-000001" },
            CancellationToken.None);

        var info = Assert.Single(capture.Lines, l => l.Level == LogLevel.Information && l.Category == description.LoggerCategory);
        Assert.Contains("POST /charges (loggingTestCharge) answered 201", info.Text);
        Assert.Contains("after 1 retries", info.Text);
        Assert.Contains("trace-log-000001", info.Text);
        var bodies = capture.Lines.Where(l => l.Level == LogLevel.Trace).Select(l => l.Text).ToList();
        Assert.Contains(bodies, b => b.Contains("\"card_number\":\"[REDACTED]\"", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("\"number\":\"[REDACTED]\"", StringComparison.Ordinal));
        // A count, not a collection assertion: a failure must not print the card numbers it found.
        var leaked = capture.Lines.Count(l => l.Text.Contains("5531886652142950", StringComparison.Ordinal) || l.Text.Contains("4111111111111111", StringComparison.Ordinal));
        Assert.True(leaked == 0, $"{leaked} log line(s) contain a card number");
        var mine = requests.GetMeasurementSnapshot().Where(m => Equals(m.Tags["testclient.operation"], "loggingTestCharge")).ToList();
        var only = Assert.Single(mine);
        Assert.Equal(1, only.Value);
        Assert.Equal(201, only.Tags["http.response.status_code"]);
        Assert.Equal(1, retries.GetMeasurementSnapshot().Where(m => Equals(m.Tags["testclient.operation"], "loggingTestCharge")).Sum(m => m.Value));
        Assert.Single(duration.GetMeasurementSnapshot(), m => Equals(m.Tags["testclient.operation"], "loggingTestCharge"));
    }

    [Fact]
    public async Task NoCredentialReachesAnyLog_IncludingHttpClientFactoryLogging()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var description = new ApiDescription("QueryKeyClient", api.Server.BaseAddress, new[]
        {
            new ApiSecurityScheme("q", ApiSecuritySchemeKind.ApiKeyQuery, "api_key"),
        });
        services.AddApiClient(description, o => o.ApiKey = "query-key-should-not-be-logged", t => new FakeClient(t));
        services.AddApiClient(TestApi.OAuthDescription(), o =>
        {
            o.BaseAddress = api.Server.BaseAddress;
            o.TokenEndpoint = new Uri(api.Server.BaseAddress, "token");
            o.ClientId = TestApi.ClientId;
            o.ClientSecret = TestApi.ClientSecret;
        }, t => new FakeClient(t));
        await using var provider = services.BuildServiceProvider();

        var clients = provider.GetServices<FakeClient>().ToList();
        foreach (var client in clients)
        {
            await client.Transport.SendAsync(TestApi.Get(), null, CancellationToken.None);
        }

        Assert.Equal(2, clients.Count);
        Assert.Equal("?api_key=query-key-should-not-be-logged", api.ApiRequests[0].Query);
        Assert.NotEmpty(capture.Lines);
        Assert.Contains(capture.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        var leaks = capture.Lines.Count(l =>
            l.Text.Contains("query-key-should-not-be-logged", StringComparison.Ordinal)
            || l.Text.Contains(TestApi.ClientSecret, StringComparison.Ordinal)
            || l.Text.Contains("token-1", StringComparison.Ordinal));
        Assert.True(leaks == 0, $"{leaks} log line(s) contain a credential");
    }

    [Fact]
    public void Redactor_MasksCardDataAndCredentials_KeepsTheRest()
    {
        var json = """{"id":"chg_1","amount":12.5,"nonce":"abcdefghijkl","encrypted_cvv":"xyz==","client_secret":"s","nested":[{"pin":"1234","note":"4242 4242 4242 4242"}],"auth":{"access_token":"t"}}"""u8;

        var text = SensitiveDataRedactor.Redact(json);

        Assert.Equal("""{"id":"chg_1","amount":12.5,"nonce":"[REDACTED]","encrypted_cvv":"[REDACTED]","client_secret":"[REDACTED]","nested":[{"pin":"[REDACTED]","note":"[REDACTED]"}],"auth":{"access_token":"[REDACTED]"}}""", text);
        Assert.Equal("(not JSON, 9 bytes, not logged)", SensitiveDataRedactor.Redact("<html>5a>"u8));
    }
}
