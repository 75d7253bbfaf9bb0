using Flutterwave.Runtime.Http;

namespace Flutterwave.Runtime.Tests.Http;

public sealed class HeaderTests
{
    [Fact]
    public async Task Post_WithoutOptions_GetsAGeneratedTraceIdAndIdempotencyKey_NoScenario()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport();

        await transport.SendAsync(TestApi.Post(), null, CancellationToken.None);
        await transport.SendAsync(TestApi.Post(), null, CancellationToken.None);

        var (first, second) = (api.ApiRequests[0], api.ApiRequests[1]);
        Assert.Matches("^[0-9a-f]{32}$", first.Header("X-Trace-Id"));
        Assert.Matches("^[0-9a-f]{32}$", first.Header("X-Idempotency-Key"));
        Assert.NotEqual(first.Header("X-Idempotency-Key"), second.Header("X-Idempotency-Key"));
        Assert.NotEqual(first.Header("X-Trace-Id"), second.Header("X-Trace-Id"));
        Assert.Null(first.Header("X-Scenario-Key"));
    }

    [Fact]
    public async Task Get_HasATraceId_ButNoIdempotencyKeyUnlessGiven()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport();

        await transport.SendAsync(TestApi.Get(), null, CancellationToken.None);
        await transport.SendAsync(TestApi.Get(), new RequestOptions { IdempotencyKey = "get-key-0000001" }, CancellationToken.None);

        Assert.NotNull(api.ApiRequests[0].Header("X-Trace-Id"));
        Assert.Null(api.ApiRequests[0].Header("X-Idempotency-Key"));
        Assert.Equal("get-key-0000001", api.ApiRequests[1].Header("X-Idempotency-Key"));
    }

    [Fact]
    public async Task CallerValues_AreSentAsGiven()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));

        await api.Transport().SendAsync(TestApi.Post(), new RequestOptions
        {
            IdempotencyKey = "checkout7f3a9b2c",
            TraceId = "trace7f3a9b2c11",
            ScenarioKey = "scenario:auth_pin&issuer:approved",
        }, CancellationToken.None);

        var request = Assert.Single(api.ApiRequests);
        Assert.Equal("checkout7f3a9b2c", request.Header("X-Idempotency-Key"));
        Assert.Equal("trace7f3a9b2c11", request.Header("X-Trace-Id"));
        Assert.Equal("scenario:auth_pin&issuer:approved", request.Header("X-Scenario-Key"));
    }

    [Fact]
    public async Task OperationSpecificHeaderNames_AreUsed()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var request = TestApi.Post();
        request.IdempotencyKeyHeader = "Idempotency-Key";

        await api.Transport().SendAsync(request, new RequestOptions { IdempotencyKey = "abcdefghijkl" }, CancellationToken.None);

        var sent = Assert.Single(api.ApiRequests);
        Assert.Equal("abcdefghijkl", sent.Header("Idempotency-Key"));
        Assert.Null(sent.Header("X-Idempotency-Key"));
    }

    [Theory]
    [InlineData("short", null, null)]
    [InlineData(null, "tooshort", null)]
    [InlineData(null, null, "")]
    [InlineData("line\r\nX-Injected: 1", null, null)]
    [InlineData("caf\u00e9-caf\u00e9-caf\u00e9", null, null)]
    public async Task BadCallerValues_AreRejectedBeforeAnythingIsSent(string? key, string? trace, string? scenario)
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => api.Transport().SendAsync(
            TestApi.Post(), new RequestOptions { IdempotencyKey = key, TraceId = trace, ScenarioKey = scenario }, CancellationToken.None));

        Assert.Equal("options", error.ParamName);
        Assert.Empty(api.Server.Requests);
    }

    [Fact]
    public async Task OverlongKey_IsRejected_AndTheLimitsAreInclusive()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport();

        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(TestApi.Post(), new RequestOptions { IdempotencyKey = new string('k', 256) }, CancellationToken.None));
        await transport.SendAsync(TestApi.Post(), new RequestOptions { IdempotencyKey = new string('k', 255), TraceId = new string('t', 12) }, CancellationToken.None);

        Assert.Single(api.ApiRequests);
    }
}
