using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>One request as the server saw it.</summary>
internal sealed record LoopbackRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, string? ContentType);

/// <summary>The server's answer to one request.</summary>
internal sealed record CannedResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>An HTTP server on 127.0.0.1 and a free port, started and stopped by the test that owns it.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<LoopbackRequest, CannedResponse> _respond;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer(Func<LoopbackRequest, CannedResponse> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string? key in context.Request.Headers.AllKeys)
        {
            if (key is not null)
            {
                headers[key] = context.Request.Headers[key] ?? string.Empty;
            }
        }

        var recorded = new LoopbackRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, headers, body, context.Request.ContentType);
        Requests.Enqueue(recorded);
        var response = _respond(recorded);
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
