using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Flutterwave.Codegen.Package.Tests.Infrastructure;

/// <summary>One request as the server received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Absolute path, e.g. <c>/customers</c>.</param>
/// <param name="Query">Query string without the <c>?</c>, as sent.</param>
/// <param name="Headers">Request headers (names case-insensitive).</param>
/// <param name="Body">The body as UTF-8 text, empty when none.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A canned JSON API on <c>http://127.0.0.1:{free port}/</c> in the test process: answers each (method, path) with a
/// fixed status and body, 404 otherwise, and records every request so the test can check what the consumer sent.
/// </summary>
public sealed class LoopbackApi : IDisposable
{
    private readonly HttpListener _listener;
    private readonly IReadOnlyDictionary<(string Method, string Path), (int Status, string Json)> _routes;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _serving;

    private LoopbackApi(HttpListener listener, Uri baseAddress, IReadOnlyDictionary<(string, string), (int, string)> routes)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _routes = routes;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Where the API listens, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts listening on a free loopback port.</summary>
    public static LoopbackApi Start(params (string Method, string Path, int Status, string Json)[] routes)
    {
        var table = routes.ToDictionary(r => (r.Method, r.Path), r => (r.Status, r.Json));
        for (var attempt = 0; ; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseAddress.AbsoluteUri);
            try
            {
                listener.Start();
                return new LoopbackApi(listener, baseAddress, table);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another.
                listener.Close();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var headers = request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var path = request.Url!.AbsolutePath;
            _requests.Enqueue(new RecordedRequest(request.HttpMethod, path, request.Url.Query.TrimStart('?'), headers, body));

            var (status, json) = _routes.TryGetValue((request.HttpMethod, path), out var route)
                ? route
                : (404, """{"status":"failed","error":{"type":"NOT_FOUND","code":"404","message":"No canned response."}}""");
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
