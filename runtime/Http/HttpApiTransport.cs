using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// Sends generated requests with an <see cref="HttpClient"/>: builds the URI from the base address, adds the
/// operation's headers and the per-call options, and turns error statuses into <see cref="FlutterwaveApiException"/>.
/// </summary>
/// <remarks>
/// Operation paths are appended to the base address, so a base address with a path
/// (<c>https://host/f4b/sandbox</c>) keeps it. The base address is, in order: the one given here, the
/// <see cref="HttpClient.BaseAddress"/>, then the spec's first server.
/// </remarks>
public sealed class HttpApiTransport : IApiTransport
{
    private readonly HttpClient _httpClient;
    private readonly string? _baseAddress;

    /// <summary>Creates a transport.</summary>
    /// <param name="httpClient">The client to send with. Its handlers (auth, logging, ...) run for every call.</param>
    /// <param name="baseAddress">The API's base address; falls back to <paramref name="httpClient"/>'s, then to <paramref name="defaultBaseAddress"/>.</param>
    /// <param name="defaultBaseAddress">The spec's first server, used when nothing else is configured.</param>
    public HttpApiTransport(HttpClient httpClient, Uri? baseAddress = null, Uri? defaultBaseAddress = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        var chosen = baseAddress ?? httpClient.BaseAddress ?? defaultBaseAddress;
        if (chosen is not null && !chosen.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI.", nameof(baseAddress));
        }

        _baseAddress = chosen?.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The base address requests go to, or <see langword="null"/> when none is configured.</summary>
    public Uri? BaseAddress => _baseAddress is null ? null : new Uri(_baseAddress);

    /// <inheritdoc />
    public async Task<ApiResponse> SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_baseAddress is null)
        {
            throw new InvalidOperationException(
                $"No base address is configured for {request.Method} {request.PathTemplate}: the spec names no absolute server URL. " +
                "Pass one to the client or set HttpClient.BaseAddress.");
        }

        using var message = new HttpRequestMessage(request.Method, new Uri(_baseAddress + request.BuildPathAndQuery(), UriKind.Absolute));
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (options is not null)
        {
            AddOption(message, request.IdempotencyKeyHeader, options.IdempotencyKey);
            AddOption(message, request.TraceIdHeader, options.TraceId);
            AddOption(message, request.ScenarioKeyHeader, options.ScenarioKey);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.SerializeBody(null) is { } body)
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
            message.Content = content;
        }

        using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw FlutterwaveApiException.FromResponse(
                request.Method.Method,
                request.PathTemplate,
                response.StatusCode,
                bytes,
                options?.TraceId,
                options?.IdempotencyKey);
        }

        return new ApiResponse(request, response.StatusCode, bytes, response.Content.Headers.ContentType?.MediaType, CollectHeaders(response));
    }

    private static void AddOption(HttpRequestMessage message, string header, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            message.Headers.Remove(header);
            message.Headers.TryAddWithoutValidation(header, value);
        }
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        return headers;
    }
}
