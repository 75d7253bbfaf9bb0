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

        await transport.SendAsync(TestApi.Get(acceptsIdempotencyKey: true), null, CancellationToken.None);
        await transport.SendAsync(TestApi.Get(acceptsIdempotencyKey: true), new RequestOptions { IdempotencyKey = "get-key-0000001" }, CancellationToken.None);

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
        request.IdempotencyKeyHeader = new OptionHeader("Idempotency-Key", null, 64, null, generateWhenMissing: true);

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

    [Fact]
    public async Task OperationWithoutOptionHeaders_SendsNoTraceIdNoIdempotencyKeyNoScenario()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));

        await api.Transport().SendAsync(TestApi.PlainPost(), new RequestOptions { TraceId = "trace-ignored-01", ScenarioKey = "scenario:ignored" }, CancellationToken.None);

        var sent = Assert.Single(api.ApiRequests);
        Assert.Null(sent.Header("X-Trace-Id"));
        Assert.Null(sent.Header("X-Idempotency-Key"));
        Assert.Null(sent.Header("Idempotency-Key"));
        Assert.Null(sent.Header("X-Scenario-Key"));
    }

    [Fact]
    public async Task OperationWithoutAnIdempotencyHeader_RefusesAKey_BeforeSending()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            api.Transport().SendAsync(TestApi.PlainPost(), new RequestOptions { IdempotencyKey = "order-0000000001" }, CancellationToken.None));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("takes no idempotency key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("order-0000000001", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Server.Requests);
    }

    [Fact]
    public async Task DeclaredRules_AreTheOnesChecked_MaxLength64Rejects65AndAccepts5()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport();
        ApiRequest Request()
        {
            var request = TestApi.PlainPost();
            request.IdempotencyKeyHeader = new OptionHeader("Idempotency-Key", null, 64, null, generateWhenMissing: true);
            return request;
        }

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Request(), new RequestOptions { IdempotencyKey = new string('k', 65) }, CancellationToken.None));
        await transport.SendAsync(Request(), new RequestOptions { IdempotencyKey = "abcde" }, CancellationToken.None);
        await transport.SendAsync(Request(), new RequestOptions { IdempotencyKey = new string('k', 64) }, CancellationToken.None);

        Assert.Contains("at most 64", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "abcde", new string('k', 64) }, api.ApiRequests.Select(r => r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task DeclaredPattern_IsChecked_AndARequiredHeaderWithoutValueIsRefused()
    {
        await using var api = await TestApi.StartAsync((_, context) => TestApi.Ok(context));
        var transport = api.Transport();
        ApiRequest Request()
        {
            var request = TestApi.PlainPost();
            request.IdempotencyKeyHeader = new OptionHeader("Request-Key", 4, 40, "^[A-Z]+-[0-9]+$", required: true);
            return request;
        }

        var wrong = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Request(), new RequestOptions { IdempotencyKey = "order-12" }, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Request(), null, CancellationToken.None));
        await transport.SendAsync(Request(), new RequestOptions { IdempotencyKey = "ORDER-12" }, CancellationToken.None);

        Assert.Contains("does not match", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("order-12", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("requires RequestOptions.IdempotencyKey", missing.Message, StringComparison.Ordinal);
        Assert.Equal("ORDER-12", Assert.Single(api.ApiRequests).Header("Request-Key"));
    }

    [Theory]
    [InlineData(null, 64, 32)]
    [InlineData(null, 16, 16)]
    [InlineData(40, null, 40)]
    [InlineData(12, 255, 32)]
    public void GeneratedKeys_FitTheLengthRules(int? min, int? max, int expected)
    {
        var header = new OptionHeader("Idempotency-Key", min, max, null, generateWhenMissing: true);

        var value = header.Generate();

        Assert.Equal(expected, value.Length);
        Assert.Matches("^[0-9a-f]+$", value);
    }
}
