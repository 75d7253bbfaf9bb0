using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

public sealed class SandboxStartTests
{
    [Fact]
    public async Task StartsOnLoopbackWithARandomPort()
    {
        await using var server = await SandboxServer.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.Equal(new Uri(server.BaseAddress, "oauth/token"), server.TokenEndpoint);
    }

    [Theory]
    [InlineData("0.0.0.0", null)]
    [InlineData("127.0.0.1", "c2hvcnQ=")]
    public async Task RefusesNonLoopbackHostsAndShortKeys(string host, string? key)
    {
        var options = new SandboxOptions { Host = host };
        if (key is not null)
        {
            options.EncryptionKey = key;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(options));
        Assert.Contains("SandboxOptions.", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SandboxCoverageTests
{
    [Fact]
    public void EveryOperationOfTheBundledSpecHasAHandler_AndNoHandlerIsOrphaned()
    {
        var specIds = Flutterwave.Sandbox.Validation.ApiSpec.Bundled.Operations.Select(o => o.OperationId).OrderBy(i => i, StringComparer.Ordinal).ToList();

        Assert.Equal(56, specIds.Count);
        Assert.Equal(specIds, Flutterwave.Sandbox.Api.SandboxHandlers.All.Keys.OrderBy(i => i, StringComparer.Ordinal));
    }
}
