using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>The sandbox as a program of its own, token expiry, and fault settings.</summary>
public sealed class SandboxHostingTests
{
    [Fact]
    public async Task Standalone_PrintsItsUrlAndCredentials_AndServesThem()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Flutterwave.Sandbox.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--quiet");
        using var process = Process.Start(start)!;
        try
        {
            string? baseUrl = null;
            string? clientId = null;
            string? secret = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (secret is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                baseUrl ??= Match(line, @"^\s*base URL\s+(\S+)$");
                clientId ??= Match(line, @"^\s*client id\s+(\S+)$");
                secret ??= Match(line, @"^\s*client secret\s+(\S+)$");
            }

            Assert.NotNull(baseUrl);
            Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
            Assert.Equal(SandboxOptions.DefaultClientId, clientId);
            Assert.Equal(SandboxOptions.DefaultClientSecret, secret);

            var server = new Uri(baseUrl!);
            var client = FlutterwaveClient.Create(new FlutterwaveOptions
            {
                BaseAddress = server,
                TokenEndpoint = new Uri(server, "oauth/token"),
                ClientId = clientId,
                ClientSecret = secret,
                EncryptionKey = SandboxOptions.DefaultEncryptionKey,
            });
            var charge = await client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge());
            Assert.Equal("succeeded", charge.Status.ToString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Standalone_RefusesUnknownArguments()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Flutterwave.Sandbox.dll"));
        start.ArgumentList.Add("--frobnicate");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Unknown argument '--frobnicate'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredTokens_Get401()
    {
        await using var s = await SandboxClient.StartAsync(new SandboxOptions { TokenLifetime = TimeSpan.FromSeconds(1) });
        var token = await s.TokenAsync();
        using var fresh = new HttpRequestMessage(HttpMethod.Get, "charges");
        fresh.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var ok = await s.Raw.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var stale = new HttpRequestMessage(HttpMethod.Get, "charges");
        stale.Headers.Authorization = fresh.Headers.Authorization;
        using var refused = await s.Raw.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task TokenEndpointFaults_AreRetriedByTheClient_AndBadFaultSettingsAreRefused()
    {
        await using var s = await SandboxClient.StartAsync(configure: o => o.MaxRetries = 2);
        s.Server.ConfigureFaults(f =>
        {
            f.IncludeTokenEndpoint = true;
            f.ServerErrorRate = 1.0;
            f.Latency = TimeSpan.FromMilliseconds(5);
        });

        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => s.Client.Customers.ListCustomersAsync());
        var afterFailure = s.Server.Snapshot();
        Assert.True(afterFailure.InjectedServerErrors >= 2, $"the token request was tried {afterFailure.InjectedServerErrors} time(s)");
        Assert.Equal(0, afterFailure.TokensIssued);
        Assert.Equal(0, afterFailure.OperationRequests);
        Assert.True(failure is ApiNetworkException or ApiServerException, $"a token endpoint that keeps answering 503 ends in {failure.GetType().Name}");

        s.Server.ConfigureFaults(f => f.ServerErrorRate = 0);
        Assert.Empty((await s.Client.Customers.ListCustomersAsync()).Items);
        Assert.Equal(1, s.Server.Snapshot().TokensIssued);

        Assert.Throws<ArgumentException>(() => s.Server.ConfigureFaults(f => f.ServerErrorRate = 1.5));
        Assert.Throws<ArgumentException>(() => s.Server.ConfigureFaults(f => { f.ServerErrorRate = 0.6; f.DropAfterCommitRate = 0.6; }));
        Assert.Throws<ArgumentException>(() => s.Server.ConfigureFaults(f => f.Latency = TimeSpan.FromSeconds(-1)));
    }

    private static string? Match(string line, string pattern)
    {
        var m = Regex.Match(line, pattern);
        return m.Success ? m.Groups[1].Value : null;
    }
}
