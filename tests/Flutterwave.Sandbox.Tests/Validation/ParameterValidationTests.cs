using System;
using System.Collections.Generic;
using Flutterwave.Sandbox.Validation;
using Xunit;

namespace Flutterwave.Sandbox.Tests.Validation;

public sealed class ParameterValidationTests
{
    [Theory]
    [InlineData("0", "must be at least 1")]
    [InlineData("101", "must be at most 100")]
    [InlineData("-3", "must be at least 1")]
    [InlineData("abc", "must be an integer")]
    [InlineData("2.5", "must be an integer")]
    [InlineData(" 5", "must be an integer")]
    [InlineData("", "must be an integer")]
    [InlineData("99999999999999999999999", "is out of range")]
    public void LimitOutsideItsBoundsIsRejected(string limit, string message)
    {
        var errors = Validate("listCharges", query: new() { ["limit"] = limit });

        Assert.Equal(new[] { new FieldError("limit", message) }, errors);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100")]
    [InlineData("+25")]
    public void LimitWithinItsBoundsPasses(string limit)
    {
        Assert.Empty(Validate("listCharges", query: new() { ["limit"] = limit }));
    }

    [Fact]
    public void PageZeroIsRejected()
    {
        var errors = Validate("listOrders", query: new() { ["page"] = "0" });

        Assert.Equal(new[] { new FieldError("page", "must be at least 1") }, errors);
    }

    [Fact]
    public void NoParametersAtAllPass()
    {
        Assert.Empty(Validate("listCustomers"));
        Assert.Empty(Validate("createCharge"));
    }

    [Fact]
    public void ShortIdempotencyKeyIsRejected()
    {
        var errors = Validate("createCharge", headers: new() { ["X-Idempotency-Key"] = "abcde" });

        Assert.Equal(new[] { new FieldError("X-Idempotency-Key", "must be 12 to 255 characters long") }, errors);
        ChargeBodies.AssertNoEcho(errors, "abcde");
    }

    [Fact]
    public void LongTraceIdIsRejected()
    {
        var errors = Validate("getCharge", headers: new() { ["X-Trace-Id"] = new string('t', 256) });

        Assert.Equal(new[] { new FieldError("X-Trace-Id", "must be 12 to 255 characters long") }, errors);
    }

    [Fact]
    public void EmptyScenarioKeyIsRejected()
    {
        var errors = Validate("createCharge", headers: new() { ["X-Scenario-Key"] = string.Empty });

        Assert.Equal(new[] { new FieldError("X-Scenario-Key", "must be 1 to 1000 characters long") }, errors);
    }

    [Fact]
    public void GoodHeadersPass()
    {
        var errors = Validate(
            "createCharge",
            headers: new()
            {
                ["X-Idempotency-Key"] = "3f2b8c1e9a6d4e7fb0c2d5a8e1f47b96",
                ["X-Trace-Id"] = "a81c2e7f04b94d3c9e5f6a7b8c9d0e1f",
                ["X-Scenario-Key"] = "scenario:auth_pin&issuer:approved",
            });

        Assert.Empty(errors);
    }

    [Fact]
    public void EveryProblemIsReported()
    {
        var errors = Validate(
            "listCustomers",
            query: new() { ["limit"] = "0", ["page"] = "x" },
            headers: new() { ["X-Trace-Id"] = "short" });

        Assert.Equal(
            new[]
            {
                new FieldError("limit", "must be at least 1"),
                new FieldError("page", "must be an integer"),
                new FieldError("X-Trace-Id", "must be 12 to 255 characters long"),
            },
            errors);
    }

    [Fact]
    public void OnlyQueryAndHeaderParametersAreLookedUp()
    {
        var asked = new List<string>();
        var spec = ApiSpec.Bundled;

        spec.ValidateParameters(spec.GetOperation("getCharge"), name => { asked.Add("query:" + name); return null; }, name => { asked.Add("header:" + name); return null; });

        Assert.Equal(new[] { "header:X-Trace-Id" }, asked);
    }

    private static IReadOnlyList<FieldError> Validate(
        string operationId, Dictionary<string, string>? query = null, Dictionary<string, string>? headers = null)
    {
        var spec = ApiSpec.Bundled;
        var headerValues = new Dictionary<string, string>(headers ?? new(), StringComparer.OrdinalIgnoreCase);
        return spec.ValidateParameters(
            spec.GetOperation(operationId),
            name => query is not null && query.TryGetValue(name, out var value) ? value : null,
            name => headerValues.TryGetValue(name, out var value) ? value : null);
    }
}
