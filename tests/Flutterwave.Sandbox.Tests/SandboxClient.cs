using System;
using System.Net.Http;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Flutterwave.Sandbox.Tests;

/// <summary>An in-process sandbox and the generated client wired to it through DI, for one test.</summary>
internal sealed class SandboxClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SandboxClient(SandboxServer server, ServiceProvider provider, FlutterwaveClient client)
    {
        Server = server;
        _provider = provider;
        Client = client;
    }

    public SandboxServer Server { get; }

    public FlutterwaveClient Client { get; }

    /// <summary>A plain HttpClient on the sandbox's address, for raw requests.</summary>
    public HttpClient Raw { get; } = new();

    public static async Task<SandboxClient> StartAsync(SandboxOptions? options = null, Action<FlutterwaveOptions>? configure = null)
    {
        var server = await SandboxServer.StartAsync(options);
        var services = new ServiceCollection();
        services.AddFlutterwaveClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.TokenEndpoint = server.TokenEndpoint;
            o.ClientId = server.ClientId;
            o.ClientSecret = server.ClientSecret;
            o.EncryptionKey = server.EncryptionKey;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        var client = new SandboxClient(server, provider, provider.GetRequiredService<FlutterwaveClient>());
        client.Raw.BaseAddress = server.BaseAddress;
        return client;
    }

    /// <summary>A bearer token from the sandbox's token endpoint, for raw requests.</summary>
    public async Task<string> TokenAsync()
    {
        using var form = new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "client_credentials"),
            new System.Collections.Generic.KeyValuePair<string, string>("client_id", Server.ClientId),
            new System.Collections.Generic.KeyValuePair<string, string>("client_secret", Server.ClientSecret),
        });
        using var response = await Raw.PostAsync(Server.TokenEndpoint, form);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await _provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
