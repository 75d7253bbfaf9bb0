using System.Net;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime.Authentication;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Flutterwave.Runtime.Tests.Http;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task ParallelFirstCalls_ShareOneTokenRequest()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport();

        var calls = Enumerable.Range(0, 1000).Select(_ => transport.SendAsync(TestApi.Get(), null, CancellationToken.None));
        var responses = await Task.WhenAll(calls);

        Assert.Equal(1000, responses.Length);
        Assert.Equal(1, api.TokenRequests);
        Assert.All(api.ApiRequests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
        Assert.Equal(1000, api.ApiRequests.Count);
    }

    [Fact]
    public async Task TokenRequest_IsAFormPostOfTheClientCredentials()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        await api.Transport().SendAsync(TestApi.Get(), null, CancellationToken.None);

        var token = Assert.Single(api.Server.Requests, r => r.Path == "/token");
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("Content-Type"));
        var form = token.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestApi.ClientId, form["client_id"]);
        Assert.True(form["client_secret"] == TestApi.ClientSecret, "the form carries the configured secret");
    }

    [Fact]
    public async Task Token_IsRenewedSixtySecondsBeforeExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport(time: time);

        await transport.SendAsync(TestApi.Get(), null, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(539)); // 61 s left: still fresh
        await transport.SendAsync(TestApi.Get(), null, CancellationToken.None);
        Assert.Equal(1, api.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(2)); // 59 s left: renewed
        await transport.SendAsync(TestApi.Get(), null, CancellationToken.None);

        Assert.Equal(2, api.TokenRequests);
        Assert.Equal("Bearer token-2", api.ApiRequests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task Unauthorized_RenewsTheTokenOnceAndReplaysOnce()
    {
        await using var api = await TestApi.StartAsync((request, context) =>
            request.Header("Authorization") == "Bearer token-1"
                ? LoopbackHttpServer.WriteJsonAsync(context, 401, """{"status":"failed","error":{"type":"UNAUTHORIZED","code":"10401","message":"Token expired"}}""")
                : TestApi.Ok(context));

        var response = await api.Transport().SendAsync(TestApi.Post(), null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.TokenRequests);
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, api.ApiRequests.Select(r => r.Header("Authorization")));
        Assert.Equal(api.ApiRequests[0].Header("X-Idempotency-Key"), api.ApiRequests[1].Header("X-Idempotency-Key"));
    }

    [Fact]
    public async Task UnauthorizedTwice_IsFinal()
    {
        await using var api = await TestApi.StartAsync((_, context) =>
            LoopbackHttpServer.WriteJsonAsync(context, 401, """{"status":"failed","error":{"type":"UNAUTHORIZED","code":"10401","message":"Invalid token"}}"""));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => api.Transport().SendAsync(TestApi.Get(), null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("UNAUTHORIZED", error.ErrorType);
        Assert.Equal(2, api.ApiRequests.Count);
        Assert.Equal(2, api.TokenRequests);
    }

    [Fact]
    public async Task WrongCredentials_FailWithTheTokenEndpointsAnswer_AndNoSecretInTheMessage()
    {
        await using var server = await LoopbackHttpServer.StartAsync((request, context) =>
            LoopbackHttpServer.WriteJsonAsync(context, 401, """{"error":"invalid_client","error_description":"Invalid client credentials"}"""));
        var options = new FlutterwaveOptions
        {
            BaseAddress = server.BaseAddress,
            TokenEndpoint = new Uri(server.BaseAddress, "token"),
            ClientId = TestApi.ClientId,
            ClientSecret = TestApi.ClientSecret,
        };
        var transport = Flutterwave.Runtime.DependencyInjection.ApiClientFactory.CreateTransport(TestApi.OAuthDescription(), options);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => transport.SendAsync(TestApi.Get(), null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain(TestApi.ClientSecret, error.ToString());
        Assert.All(server.Requests, r => Assert.Equal("/token", r.Path));
    }

    [Fact]
    public async Task TokenCache_SharesPerEndpointAndClient_NotAcrossClients()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var cache = new TokenCache();

        await api.Transport(cache: cache).SendAsync(TestApi.Get(), null, CancellationToken.None);
        await api.Transport(cache: cache).SendAsync(TestApi.Get(), null, CancellationToken.None);
        Assert.Equal(1, api.TokenRequests);

        await api.Transport(api.Options(o => o.ClientId = "another-client"), cache: cache).SendAsync(TestApi.Get(), null, CancellationToken.None);
        await api.Transport().SendAsync(TestApi.Get(), null, CancellationToken.None); // its own cache

        Assert.Equal(3, api.TokenRequests);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task TokenSource_IsASeam_TheHandlerUsesWhateverItGives()
    {
        var source = Substitute.For<IAccessTokenSource>();
        var token = new AccessToken("seam-token", DateTimeOffset.MaxValue);
        source.GetTokenAsync(Arg.Any<CancellationToken>()).Returns(new ValueTask<AccessToken>(token));
        await using var server = await LoopbackHttpServer.StartAsync((_, context) => TestApi.Ok(context));
        var handler = new AuthenticationHandler(new ApiSecurityScheme("o", ApiSecuritySchemeKind.OAuth2ClientCredentials), new FlutterwaveOptions(), source)
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "charges"));

        Assert.Equal("Bearer seam-token", Assert.Single(server.Requests).Header("Authorization"));
        await source.Received(1).GetTokenAsync(Arg.Any<CancellationToken>());
        source.DidNotReceive().Invalidate(Arg.Any<AccessToken>());
        Assert.DoesNotContain("seam-token", token.ToString());
    }

    [Theory]
    [InlineData(ApiSecuritySchemeKind.ApiKeyHeader)]
    [InlineData(ApiSecuritySchemeKind.ApiKeyQuery)]
    [InlineData(ApiSecuritySchemeKind.HttpBearer)]
    [InlineData(ApiSecuritySchemeKind.HttpBasic)]
    public async Task OtherSchemes_AuthenticateEveryAttempt(ApiSecuritySchemeKind kind)
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync((_, context) =>
            Interlocked.Increment(ref calls) == 1 ? LoopbackHttpServer.WriteJsonAsync(context, 503, "{}") : TestApi.Ok(context));
        var scheme = new ApiSecurityScheme("s", kind, kind is ApiSecuritySchemeKind.ApiKeyHeader ? "X-Api-Key" : "api_key");
        var description = new ApiDescription("SchemeClient", null, new[] { scheme });
        var options = new FlutterwaveOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "key-123",
            AccessToken = "static-token",
            ClientId = "user",
            ClientSecret = "pass",
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        var transport = Flutterwave.Runtime.DependencyInjection.ApiClientFactory.CreateTransport(description, options);

        await transport.SendAsync(TestApi.Get(), null, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        foreach (var request in server.Requests)
        {
            switch (kind)
            {
                case ApiSecuritySchemeKind.ApiKeyHeader:
                    Assert.Equal("key-123", request.Header("X-Api-Key"));
                    break;
                case ApiSecuritySchemeKind.ApiKeyQuery:
                    Assert.Equal("?api_key=key-123", request.Query); // once, even on the retry
                    break;
                case ApiSecuritySchemeKind.HttpBearer:
                    Assert.Equal("Bearer static-token", request.Header("Authorization"));
                    break;
                default:
                    Assert.Equal("Basic " + Convert.ToBase64String("user:pass"u8.ToArray()), request.Header("Authorization"));
                    break;
            }
        }
    }

    [Fact]
    public async Task TransientTokenEndpointFailure_IsRetriedWithTheCall()
    {
        var tokenCalls = 0;
        await using var server = await LoopbackHttpServer.StartAsync((request, context) =>
        {
            if (request.Path == "/token")
            {
                return Interlocked.Increment(ref tokenCalls) == 1
                    ? LoopbackHttpServer.WriteJsonAsync(context, 503, "<html>maintenance</html>")
                    : LoopbackHttpServer.WriteJsonAsync(context, 200, """{"access_token":"late-token","expires_in":600}""");
            }

            return TestApi.Ok(context);
        });
        var options = new FlutterwaveOptions
        {
            BaseAddress = server.BaseAddress,
            TokenEndpoint = new Uri(server.BaseAddress, "token"),
            ClientId = TestApi.ClientId,
            ClientSecret = TestApi.ClientSecret,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };

        await Flutterwave.Runtime.DependencyInjection.ApiClientFactory.CreateTransport(TestApi.OAuthDescription(), options)
            .SendAsync(TestApi.Post(), null, CancellationToken.None);

        Assert.Equal(2, tokenCalls);
        var call = Assert.Single(server.Requests, r => r.Path == "/charges");
        Assert.Equal("Bearer late-token", call.Header("Authorization"));
    }
}
