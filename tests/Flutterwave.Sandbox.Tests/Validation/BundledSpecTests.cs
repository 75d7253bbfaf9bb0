using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Sandbox.Validation;
using Xunit;

namespace Flutterwave.Sandbox.Tests.Validation;

public sealed class BundledSpecTests
{
    [Fact]
    public void LoadsEveryOperationOnceWithUniqueIds()
    {
        var operations = ApiSpec.Bundled.Operations;

        Assert.Equal(56, operations.Count);
        Assert.Equal(operations.Count, operations.Select(o => o.OperationId).Distinct().Count());
        Assert.All(operations, o => Assert.Contains(o.Method, new[] { "GET", "POST", "PUT", "DELETE" }));
    }

    [Fact]
    public void KeepsDocumentOrder()
    {
        var ids = ApiSpec.Bundled.Operations.Select(o => o.OperationId).ToArray();

        Assert.Equal(new[] { "listCustomers", "createCustomer", "getCustomer", "updateCustomer" }, ids[..4]);
        Assert.Equal("getWalletBalance", ids[^1]);
    }

    [Fact]
    public void CreateChargeIsAPostWithARequiredBody()
    {
        var operation = ApiSpec.Bundled.GetOperation("createCharge");

        Assert.Equal("POST", operation.Method);
        Assert.Equal("/charges", operation.Path);
        Assert.True(operation.HasRequestBody);
        Assert.True(operation.RequestBodyRequired);
    }

    [Fact]
    public void GetChargeHasThePathLevelIdParameterAndItsOwnHeader()
    {
        var spec = ApiSpec.Bundled;
        var operation = spec.GetOperation("getCharge");

        Assert.Equal("GET", operation.Method);
        Assert.Equal("/charges/{id}", operation.Path);
        Assert.False(operation.HasRequestBody);
        var parameters = spec.GetParameters(operation);
        Assert.Contains(new SpecParameter("id", "path", true), parameters);
        Assert.Contains(new SpecParameter("X-Trace-Id", "header", false), parameters);
    }

    [Fact]
    public void PathLevelParametersApplyToEveryMethodOfThePath()
    {
        var spec = ApiSpec.Bundled;

        var update = spec.GetParameters(spec.GetOperation("updateOrder"));

        Assert.Contains(new SpecParameter("id", "path", true), update);
        Assert.Contains(new SpecParameter("X-Scenario-Key", "header", false), update);
    }

    [Fact]
    public void ListOperationsTakeLimitAndPage()
    {
        var spec = ApiSpec.Bundled;

        var names = spec.GetParameters(spec.GetOperation("listCharges")).Select(p => p.Name);

        Assert.Equal(new[] { "limit", "page", "X-Trace-Id" }, names);
    }

    [Fact]
    public void UnknownOperationIdIsAKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => ApiSpec.Bundled.GetOperation("deleteEverything"));
        Assert.False(ApiSpec.Bundled.TryGetOperation("deleteEverything", out _));
    }

    [Fact]
    public async Task BundledIsOneInstanceAcrossThreads()
    {
        var specs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ApiSpec.Bundled)));

        Assert.All(specs, s => Assert.Same(specs[0], s));
    }
}
