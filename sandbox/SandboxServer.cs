using System.Net;
using Flutterwave.Sandbox.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Flutterwave.Sandbox;

/// <summary>
/// An offline Flutterwave v4 sandbox on loopback: an OAuth2 token endpoint and every operation of the bundled spec,
/// with in-memory state. Start one with <see cref="StartAsync"/>, point a client at <see cref="BaseAddress"/> and
/// <see cref="TokenEndpoint"/> with <see cref="ClientId"/>, <see cref="ClientSecret"/> and
/// <see cref="EncryptionKey"/>, and dispose it when done.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;
    private int _stopped;

    private SandboxServer(WebApplication app, SandboxState state, Uri baseAddress, SandboxOptions options)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
        TokenEndpoint = new Uri(baseAddress, "oauth/token");
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        EncryptionKey = options.EncryptionKey;
    }

    /// <summary>The server's address, ending with <c>/</c>, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The client-credentials token endpoint (<c>{BaseAddress}oauth/token</c>).</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId { get; }

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; }

    /// <summary>The base64 encryption key the sandbox decrypts card fields and PINs with.</summary>
    public string EncryptionKey { get; }

    /// <summary>Starts a sandbox on loopback.</summary>
    /// <param name="options">Settings; the defaults give a random port, the fixed test credentials and no faults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox.</returns>
    /// <exception cref="ArgumentException">A setting is invalid (a non-loopback host, a key that is not 32 bytes, ...).</exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var settings = SandboxSettings.From(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(settings.Address, options.Port);
            k.AddServerHeader = false;
            // The sandbox reads bodies itself and answers an oversize one with a documented 400, never 413.
            k.Limits.MaxRequestBodySize = null;
        });
        builder.Services.Configure<KestrelServerOptions>(k => k.AllowSynchronousIO = false);
        var app = builder.Build();
        var state = new SandboxState(settings);
        SandboxEndpoints.Map(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var server = app.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The sandbox did not report the address it listens on.");
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        state.BaseAddress = baseAddress;
        return new SandboxServer(app, state, baseAddress, options);
    }

    /// <summary>What the sandbox holds and has seen so far.</summary>
    /// <returns>A consistent copy taken now.</returns>
    public SandboxSnapshot Snapshot() => _state.Snapshot();

    /// <summary>
    /// Plays the receiving bank sending a successful payout back: the transfer keeps <c>SUCCESSFUL</c> and gains a
    /// <c>reversal</c>, and the wallet is credited its amount (<c>reversal</c>) and fee (<c>reversal_fee</c>). Happens
    /// at most once per transfer.
    /// </summary>
    /// <param name="transferId">The transfer's id (<c>trf_...</c>).</param>
    /// <returns>False when there is no successful, not yet reversed transfer with this id.</returns>
    public bool ReverseTransfer(string transferId)
    {
        ArgumentNullException.ThrowIfNull(transferId);
        return _state.ReverseTransfer(transferId);
    }

    /// <summary>Turns fault injection on or off while the sandbox runs (for example after a warm-up).</summary>
    /// <param name="configure">Changes the fault settings.</param>
    public void ConfigureFaults(Action<SandboxFaultOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _state.ConfigureFaults(configure);
    }

    /// <summary>Stops the server; requests in flight are given a moment to finish.</summary>
    /// <param name="cancellationToken">Cuts the graceful stop short.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
