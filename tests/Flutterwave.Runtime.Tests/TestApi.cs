using System.Net.Http;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime.Authentication;
using Flutterwave.Runtime.DependencyInjection;
using Flutterwave.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flutterwave.Runtime.Tests;

/// <summary>
/// A loopback API with an OAuth2 token endpoint at <c>/token</c> (tokens <c>token-1</c>, <c>token-2</c>, ...) and a
/// test-supplied handler for everything else; plus helpers to build a transport against it.
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    public const string ClientId = "client-id-1";
    public const string ClientSecret = "s3cr3t-client-value";

    private int _tokens;

    private TestApi(LoopbackHttpServer server) => Server = server;

    public LoopbackHttpServer Server { get; }

    public int TokenRequests => Server.Requests.Count(r => r.Path == "/token");

    public IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path != "/token").ToList();

    public int TokenLifetimeSeconds { get; set; } = 600;

    public static async Task<TestApi> StartAsync(Func<RecordedRequest, HttpContext, Task> api)
    {
        TestApi? self = null;
        var server = await LoopbackHttpServer.StartAsync(async (request, context) =>
        {
            if (request.Path == "/token")
            {
                var n = Interlocked.Increment(ref self!._tokens);
                await LoopbackHttpServer.WriteJsonAsync(context, 200, $$"""{"access_token":"token-{{n}}","expires_in":{{self.TokenLifetimeSeconds}},"token_type":"Bearer"}""");
                return;
            }

            await api(request, context);
        });
        self = new TestApi(server);
        return self;
    }

    public static ApiDescription OAuthDescription(Uri? tokenUrl = null) => new(
        "TestClient",
        new Uri("https://unused.example.test"),
        new[] { new ApiSecurityScheme("oauth", ApiSecuritySchemeKind.OAuth2ClientCredentials, null, tokenUrl) });

    public FlutterwaveOptions Options(Action<FlutterwaveOptions>? change = null)
    {
        var options = new FlutterwaveOptions
        {
            BaseAddress = Server.BaseAddress,
            TokenEndpoint = new Uri(Server.BaseAddress, "token"),
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };
        change?.Invoke(options);
        return options;
    }

    public HttpApiTransport Transport(FlutterwaveOptions? options = null, ApiDescription? description = null, ILoggerFactory? loggers = null, TimeProvider? time = null, TokenCache? cache = null) =>
        ApiClientFactory.CreateTransport(description ?? OAuthDescription(), options ?? Options(), loggers, time, null, cache);

    /// <summary>Flutterwave's idempotency key on a POST: 12 to 255 characters, generated when not given.</summary>
    public static readonly OptionHeader IdempotencyKey = new("X-Idempotency-Key", 12, 255, null, generateWhenMissing: true);

    /// <summary>An idempotency key an operation accepts but does not generate.</summary>
    public static readonly OptionHeader AcceptedIdempotencyKey = new("X-Idempotency-Key", 12, 255, null);

    /// <summary>Flutterwave's trace id: 12 to 255 characters, generated when not given.</summary>
    public static readonly OptionHeader TraceId = new("X-Trace-Id", 12, 255, null, generateWhenMissing: true);

    /// <summary>Flutterwave's sandbox scenario key: 1 to 1000 characters.</summary>
    public static readonly OptionHeader ScenarioKey = new("X-Scenario-Key", 1, 1000, null);

    /// <summary>A POST as the generated Flutterwave client builds it: idempotency key, trace id and scenario key.</summary>
    public static ApiRequest Post(string path = "/charges", string json = """{"amount":10}""")
    {
        var request = PlainPost(path, json);
        request.IdempotencyKeyHeader = IdempotencyKey;
        request.TraceIdHeader = TraceId;
        request.ScenarioKeyHeader = ScenarioKey;
        return request;
    }

    /// <summary>A POST of an operation that declares no option headers (an exact client of a spec without them).</summary>
    public static ApiRequest PlainPost(string path = "/charges", string json = """{"amount":10}""")
    {
        var request = new ApiRequest(HttpMethod.Post, "createCharge", path);
        request.AppendPath(path);
        request.SetBody(System.Text.Encoding.UTF8.GetBytes(json), "application/json");
        return request;
    }

    /// <summary>A GET with a trace id; with <paramref name="acceptsIdempotencyKey"/>, one that also declares an idempotency key.</summary>
    public static ApiRequest Get(string path = "/charges", bool acceptsIdempotencyKey = false)
    {
        var request = new ApiRequest(HttpMethod.Get, "listCharges", path);
        request.AppendPath(path);
        request.TraceIdHeader = TraceId;
        request.IdempotencyKeyHeader = acceptsIdempotencyKey ? AcceptedIdempotencyKey : null;
        return request;
    }

    public static Task Ok(HttpContext context) => LoopbackHttpServer.WriteJsonAsync(context, 200, """{"status":"success","message":"ok","data":{"id":"chg_1"}}""");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
