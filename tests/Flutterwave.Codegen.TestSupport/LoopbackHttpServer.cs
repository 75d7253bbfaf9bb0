using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flutterwave.Codegen.TestSupport;

/// <summary>One request as the server received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers (names compared ignoring case; repeated values joined with a comma).</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="RawTarget">The request target exactly as sent (path and query, still percent-encoded).</param>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, string RawTarget)
{
    /// <summary>A header's value, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A Kestrel server on 127.0.0.1 with a random port, started and stopped by a test. Every request is recorded
/// (in arrival order) before the test's handler answers it.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackHttpServer(WebApplication app) => _app = app;

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>.</summary>
    /// <param name="handler">Writes the response; gets the recorded request and the live context.</param>
    /// <returns>The started server.</returns>
    public static async Task<LoopbackHttpServer> StartAsync(Func<RecordedRequest, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in context.Request.Headers)
            {
                headers[header.Key] = header.Value.ToString();
            }

            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                headers,
                body,
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? string.Empty);
            server._requests.Enqueue(recorded);
            await handler(recorded, context);
        });
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer s
            ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("Kestrel did not start.");
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Writes a JSON response.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="status">The status code.</param>
    /// <param name="json">The body.</param>
    /// <param name="headers">Extra response headers.</param>
    public static Task WriteJsonAsync(HttpContext context, int status, string json, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
