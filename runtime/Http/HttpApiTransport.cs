using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Runtime.Diagnostics;
using Flutterwave.Runtime.Encryption;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flutterwave.Runtime.Http;

/// <summary>Settings of an <see cref="HttpApiTransport"/>.</summary>
public sealed class HttpApiTransportOptions
{
    /// <summary>The API's base address; falls back to the HTTP client's, then to <see cref="DefaultBaseAddress"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The spec's first server, used when nothing else is configured.</summary>
    public Uri? DefaultBaseAddress { get; set; }

    /// <summary>Encrypts card fields callers set in plaintext; <see langword="null"/> when no key is configured.</summary>
    public CardEncryptor? Encryptor { get; set; }

    /// <summary>Where the one-line-per-call log (Information) and redacted bodies (Trace) go.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The clock used to time calls.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where activities and metrics go: the client's <see cref="ApiDescription.Telemetry"/>; default <see cref="ApiTelemetry.Shared"/>.</summary>
    public ApiTelemetry? Telemetry { get; set; }
}

/// <summary>
/// Sends generated requests with an <see cref="HttpClient"/>: fixes the trace id and idempotency key of the logical
/// call (where the operation takes them), serializes (and encrypts) the body once, sends through the client's
/// handlers (retries, authentication), logs one line per call, records metrics and an activity, and turns failures
/// into typed exceptions.
/// </summary>
/// <remarks>
/// Operation paths are appended to the base address, so a base address with a path
/// (<c>https://host/f4b/sandbox</c>) keeps it. The base address is, in order: the one given here, the
/// <see cref="HttpClient.BaseAddress"/>, then the spec's first server. Every attempt of one call sends the same
/// message, so retries carry the same idempotency key, trace id, body and nonce. Only the headers the operation
/// declares (<see cref="ApiRequest.IdempotencyKeyHeader"/> and friends) are sent, checked against their rules first.
/// </remarks>
public sealed class HttpApiTransport : IApiTransport
{
    private readonly HttpClient _httpClient;
    private readonly string? _baseAddress;
    private readonly CardEncryptor? _encryptor;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ApiTelemetry _telemetry;

    /// <summary>Creates a transport.</summary>
    /// <param name="httpClient">The client to send with. Its handlers (auth, retries, ...) run for every call.</param>
    /// <param name="baseAddress">The API's base address; falls back to <paramref name="httpClient"/>'s, then to <paramref name="defaultBaseAddress"/>.</param>
    /// <param name="defaultBaseAddress">The spec's first server, used when nothing else is configured.</param>
    public HttpApiTransport(HttpClient httpClient, Uri? baseAddress = null, Uri? defaultBaseAddress = null)
        : this(httpClient, new HttpApiTransportOptions { BaseAddress = baseAddress, DefaultBaseAddress = defaultBaseAddress })
    {
    }

    /// <summary>Creates a transport.</summary>
    /// <param name="httpClient">The client to send with. Its handlers (auth, retries, ...) run for every call.</param>
    /// <param name="options">The transport's settings.</param>
    public HttpApiTransport(HttpClient httpClient, HttpApiTransportOptions options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        ArgumentNullException.ThrowIfNull(options);
        var chosen = options.BaseAddress ?? httpClient.BaseAddress ?? options.DefaultBaseAddress;
        if (chosen is not null && !chosen.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI.", nameof(options));
        }

        _baseAddress = chosen?.AbsoluteUri.TrimEnd('/');
        _encryptor = options.Encryptor;
        _logger = options.Logger ?? NullLogger.Instance;
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _telemetry = options.Telemetry ?? ApiTelemetry.Shared;
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

        // Checked before anything is sent: a bad key fails here, not as a server 400 after a charge attempt. One trace
        // id and one idempotency key per logical call, fixed before the first attempt.
        if (request.IdempotencyKeyHeader is null && options?.IdempotencyKey is not null)
        {
            throw new ArgumentException(
                $"{request.OperationId} ({request.Method} {request.PathTemplate}) takes no idempotency key: the API declares no idempotency header for it, so RequestOptions.IdempotencyKey would not be sent. Leave it unset for this call.",
                nameof(options));
        }

        var idempotencyKey = request.IdempotencyKeyHeader?.Resolve(options?.IdempotencyKey, nameof(RequestOptions.IdempotencyKey), request.OperationId);
        var traceId = request.TraceIdHeader?.Resolve(options?.TraceId, nameof(RequestOptions.TraceId), request.OperationId);
        var scenarioKey = request.ScenarioKeyHeader?.Resolve(options?.ScenarioKey, nameof(RequestOptions.ScenarioKey), request.OperationId);
        var body = request.SerializeBody(_encryptor);

        using var message = new HttpRequestMessage(request.Method, new Uri(_baseAddress + request.BuildPathAndQuery(), UriKind.Absolute));
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        SetHeader(message, request.TraceIdHeader, traceId);
        SetHeader(message, request.IdempotencyKeyHeader, idempotencyKey);
        SetHeader(message, request.ScenarioKeyHeader, scenarioKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is { } bytes)
        {
            var content = new ReadOnlyMemoryContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
            message.Content = content;
        }

        var retries = new StrongBox<int>();
        message.Options.Set(ApiResilience.RetryCount, retries);
        message.Options.Set(ApiResilience.OperationId, request.OperationId);
        message.Options.Set(ApiResilience.Telemetry, _telemetry);
        if (idempotencyKey is not null || ApiResilience.IsIdempotentMethod(request.Method))
        {
            message.Options.Set(ApiResilience.RetrySafe, true);
        }

        if (!request.RequiresAuthentication)
        {
            message.Options.Set(Authentication.AuthenticationHandler.SkipAuthentication, true);
        }
        var method = request.Method.Method;
        using var activity = _telemetry.ActivitySource.StartActivity(method + " " + request.PathTemplate, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.template", request.PathTemplate);
            activity.SetTag(_telemetry.OperationTag, request.OperationId);
            if (traceId is not null)
            {
                activity.SetTag(_telemetry.TraceIdTag, traceId);
            }
        }

        if (body is { } logged && _logger.IsEnabled(LogLevel.Trace))
        {
            Log.RequestBody(_logger, method, request.PathTemplate, SensitiveDataRedactor.Redact(logged.Span));
        }

        var started = _timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(request, activity, started, null, "canceled");
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException or TimeoutException)
        {
            var elapsed = Record(request, activity, started, null, ex.GetType().Name);
            Log.CallFailed(_logger, method, request.PathTemplate, request.OperationId, ex.GetType().Name, elapsed, retries.Value, traceId ?? NoTraceId);
            throw new ApiNetworkException(method, request.PathTemplate, retries.Value + 1, ex, idempotencyKey)
            {
                TraceId = traceId,
            };
        }

        using (response)
        {
            var responseBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var elapsed = Record(request, activity, started, status, response.IsSuccessStatusCode ? null : status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Log.CallCompleted(_logger, method, request.PathTemplate, request.OperationId, status, elapsed, retries.Value, traceId ?? NoTraceId);
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Log.ResponseBody(_logger, method, request.PathTemplate, SensitiveDataRedactor.Redact(responseBytes));
            }

            if (!response.IsSuccessStatusCode)
            {
                var retryAfter = ApiResilience.RetryAfter(response, TimeSpan.MaxValue, _timeProvider);
                throw ApiException.FromResponse(method, request.PathTemplate, response.StatusCode, responseBytes, traceId, idempotencyKey, retryAfter);
            }

            return new ApiResponse(request, response.StatusCode, responseBytes, response.Content.Headers.ContentType?.MediaType, new ResponseHeaders(response.Headers, response.Content.Headers));
        }
    }

    private double Record(ApiRequest request, Activity? activity, long started, int? status, string? errorType)
    {
        var elapsed = _timeProvider.GetElapsedTime(started);
        var tags = new TagList
        {
            { "http.request.method", request.Method.Method },
            { _telemetry.OperationTag, request.OperationId },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
            activity?.SetTag("http.response.status_code", code);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
        }

        _telemetry.Requests.Add(1, tags);
        _telemetry.Duration.Record(elapsed.TotalSeconds, tags);
        return elapsed.TotalMilliseconds;
    }

    /// <summary>What the log line shows when the operation sends no trace id.</summary>
    private const string NoTraceId = "(none)";

    private static void SetHeader(HttpRequestMessage message, OptionHeader? header, string? value)
    {
        if (header is not null && !string.IsNullOrEmpty(value))
        {
            message.Headers.Remove(header.Name);
            message.Headers.TryAddWithoutValidation(header.Name, value);
        }
    }
}
