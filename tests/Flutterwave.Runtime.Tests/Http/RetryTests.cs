using System.Net;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace Flutterwave.Runtime.Tests.Http;

public sealed class RetryTests
{
    [Fact]
    public async Task TwoFailuresThenSuccess_SameIdempotencyKeyAndTraceIdOnAllThreeAttempts()
    {
        var calls = 0;
        await using var api = await TestApi.StartAsync((_, context) => Interlocked.Increment(ref calls) switch
        {
            1 => LoopbackHttpServer.WriteJsonAsync(context, 500, """{"status":"failed","error":{"type":"INTERNAL","code":"500","message":"boom"}}"""),
            2 => LoopbackHttpServer.WriteJsonAsync(context, 503, "<html>unavailable</html>"),
            _ => TestApi.Ok(context),
        });

        var response = await api.Transport().SendAsync(TestApi.Post(), null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = api.ApiRequests;
        Assert.Equal(3, attempts.Count);
        var key = attempts[0].Header("X-Idempotency-Key");
        Assert.NotNull(key);
        Assert.All(attempts, a => Assert.Equal(key, a.Header("X-Idempotency-Key")));
        Assert.All(attempts, a => Assert.Equal(attempts[0].Header("X-Trace-Id"), a.Header("X-Trace-Id")));
        Assert.All(attempts, a => Assert.Equal("""{"amount":10}""", a.Body));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task TransientStatuses_AreRetried(int status)
    {
        var calls = 0;
        await using var api = await TestApi.StartAsync((_, context) =>
            Interlocked.Increment(ref calls) == 1 ? LoopbackHttpServer.WriteJsonAsync(context, status, "{}") : TestApi.Ok(context));

        await api.Transport().SendAsync(TestApi.Post(), null, CancellationToken.None);

        Assert.Equal(2, api.ApiRequests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task PostWithoutAnIdempotencyKey_IsNotSentTwice_AfterAFailureTheServerMayHaveActedOn(int status)
    {
        await using var api = await TestApi.StartAsync((_, context) => LoopbackHttpServer.WriteJsonAsync(context, status, "{}"));

        await Assert.ThrowsAnyAsync<ApiException>(() => api.Transport().SendAsync(TestApi.PlainPost(), null, CancellationToken.None));

        Assert.Single(api.ApiRequests);
    }

    [Fact]
    public async Task PostWithoutAnIdempotencyKey_IsRetriedOn429_WhichComesBeforeTheServerActs()
    {
        var calls = 0;
        await using var api = await TestApi.StartAsync((_, context) =>
            Interlocked.Increment(ref calls) == 1 ? LoopbackHttpServer.WriteJsonAsync(context, 429, "{}") : TestApi.Ok(context));

        await api.Transport().SendAsync(TestApi.PlainPost(), null, CancellationToken.None);

        Assert.Equal(2, api.ApiRequests.Count);
    }

    [Fact]
    public async Task PostWithoutAnIdempotencyKey_LostConnection_SaysNoKeyWasSent()
    {
        await using var api = await TestApi.StartAsync((_, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<ApiNetworkException>(() => api.Transport().SendAsync(TestApi.PlainPost(), null, CancellationToken.None));

        Assert.Single(api.ApiRequests);
        Assert.Null(error.IdempotencyKey);
        Assert.Contains("carried no idempotency key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task OtherClientErrors_AreNeverRetried(int status)
    {
        await using var api = await TestApi.StartAsync((_, context) =>
            LoopbackHttpServer.WriteJsonAsync(context, status, """{"status":"failed","error":{"type":"CHARGE_ALREADY_EXISTS","code":"10409","message":"no"}}"""));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => api.Transport().SendAsync(TestApi.Post(), null, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(api.ApiRequests);
    }

    [Fact]
    public async Task ServerErrorsEveryTime_FailAfterMaxRetriesWithTheKeyToRetryWith()
    {
        await using var api = await TestApi.StartAsync((_, context) => LoopbackHttpServer.WriteJsonAsync(context, 503, "{}"));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() =>
            api.Transport(api.Options(o => o.MaxRetries = 3)).SendAsync(TestApi.Post(), new RequestOptions { IdempotencyKey = "order-000000000042" }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("order-000000000042", error.IdempotencyKey);
        Assert.Equal(4, api.ApiRequests.Count);
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        var calls = 0;
        await using var api = await TestApi.StartAsync((_, context) =>
            Interlocked.Increment(ref calls) == 1 ? LoopbackHttpServer.WriteJsonAsync(context, 429, "{}", ("Retry-After", "1")) : TestApi.Ok(context));
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));

        await api.Transport(loggers: factory).SendAsync(TestApi.Get(), null, CancellationToken.None);

        Assert.Equal(2, api.ApiRequests.Count);
        Assert.Contains(capture.Lines, l => l.Text.Contains("retrying in 1000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public void RetryAfter_IsCappedAndOnlyUsedWhenPresent()
    {
        using var tooLong = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        tooLong.Headers.TryAddWithoutValidation("Retry-After", "3600");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var now = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(5));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);

        Assert.Equal(TimeSpan.FromSeconds(30), ApiResilience.RetryAfter(tooLong, TimeSpan.FromSeconds(30), time));
        Assert.Null(ApiResilience.RetryAfter(none, TimeSpan.FromSeconds(30), time));
        Assert.Equal(TimeSpan.FromSeconds(5), ApiResilience.RetryAfter(date, TimeSpan.FromSeconds(30), time));
    }

    [Fact]
    public async Task Cancellation_DuringTheBackoff_StopsAtOnce()
    {
        var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await TestApi.StartAsync((_, context) =>
        {
            firstAttempt.TrySetResult();
            return LoopbackHttpServer.WriteJsonAsync(context, 503, "{}");
        });
        var transport = api.Transport(api.Options(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMinutes(5);
            o.MaxRetries = 5;
        }));
        using var cts = new CancellationTokenSource();

        var call = transport.SendAsync(TestApi.Post(), null, cts.Token);
        await firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(api.ApiRequests);
    }

    [Fact]
    public async Task AttemptTimeouts_AreRetried_ThenFailAsNetworkErrors()
    {
        // GETs answer at once, POSTs hang. A GET first fetches the token and opens the connection, so the short attempt
        // timeout below only ever measures the hanging POST (under load, a cold token fetch alone could use it up).
        await using var api = await TestApi.StartAsync(async (request, context) =>
        {
            if (request.Method == "GET")
            {
                await TestApi.Ok(context);
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
        });
        var transport = api.Transport(api.Options(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 1;
        }));
        await transport.SendAsync(TestApi.Get(), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ApiNetworkException>(() => transport.SendAsync(TestApi.Post(), null, CancellationToken.None));

        Assert.True(error.TimedOut);
        Assert.Equal(2, error.Attempts);
        Assert.NotNull(error.IdempotencyKey);
        Assert.Contains("same IdempotencyKey", error.Message);
        Assert.Equal(2, api.ApiRequests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task ConnectionRefused_IsRetried_ThenFailsAsANetworkError()
    {
        // Find a port nothing listens on: start a server, note its address, stop it.
        var server = await LoopbackHttpServer.StartAsync((_, context) => TestApi.Ok(context));
        var address = server.BaseAddress;
        await server.DisposeAsync();
        var description = new ApiDescription("NoAuth", address, Array.Empty<ApiSecurityScheme>());
        var transport = Flutterwave.Runtime.DependencyInjection.ApiClientFactory.CreateTransport(
            description, new FlutterwaveOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<ApiNetworkException>(() =>
            transport.SendAsync(TestApi.Post(), new RequestOptions { TraceId = "trace-0000000001" }, CancellationToken.None));

        Assert.Equal(3, error.Attempts);
        Assert.False(error.TimedOut);
        Assert.Equal("trace-0000000001", error.TraceId);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task RateLimitedAfterEveryRetry_CarriesTheServersRetryAfter()
    {
        await using var api = await TestApi.StartAsync((_, context) =>
            LoopbackHttpServer.WriteJsonAsync(context, 429, """{"status":"failed","error":{"type":"RATE_LIMITED","code":"10429","message":"Slow down"}}""", ("Retry-After", "0")));

        var error = await Assert.ThrowsAsync<ApiRateLimitedException>(() =>
            api.Transport(api.Options(o => o.MaxRetries = 1)).SendAsync(TestApi.Get(), null, CancellationToken.None));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal(2, api.ApiRequests.Count);
    }
}
