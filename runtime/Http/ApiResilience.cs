using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Flutterwave.Runtime.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// The retry and timeout strategy every generated client uses, built with Polly through
/// Microsoft.Extensions.Http.Resilience: retries on connection failures, attempt timeouts, 408, 429 and 5xx, with
/// exponential backoff and jitter; a server's <c>Retry-After</c> is honoured up to
/// <see cref="ApiClientOptions.MaxRetryAfter"/>; other 4xx are final (a 409 is a conflict, not a lock);
/// the caller's cancellation stops everything at once.
/// </summary>
/// <remarks>
/// Only requests marked <see cref="RetrySafe"/> are retried on failures after which the server may have acted:
/// idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE), and any request that carries an idempotency key
/// (the transport fixes it before the first attempt and every attempt sends the same message, so the server answers
/// a replay with the original result). A POST or PATCH without a key is retried only on 429, which a server sends
/// before acting.
/// </remarks>
public static class ApiResilience
{
    /// <summary>Counts the retries of one logical call; the transport reads it for its log line.</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> RetryCount = new("Codegen.RetryCount");

    /// <summary>The operation id of the logical call, for the retry metric's tags.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationId = new("Codegen.OperationId");

    /// <summary>Where the retry metric goes (the client's telemetry).</summary>
    public static readonly HttpRequestOptionsKey<ApiTelemetry> Telemetry = new("Codegen.Telemetry");

    /// <summary>Set on a request that may be sent again after a failure the server may have acted on.</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("Codegen.RetrySafe");

    /// <summary>Whether HTTP defines the method as idempotent (RFC 9110, 9.2.2): repeating it changes nothing more.</summary>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> for GET, HEAD, OPTIONS, PUT, DELETE and TRACE.</returns>
    public static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>Adds the retry and attempt-timeout strategies to <paramref name="builder"/>.</summary>
    /// <param name="builder">The pipeline builder (from <c>AddResilienceHandler</c>, or a new one).</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="logger">Logs each retry at Debug.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ApiClientOptions options, ILogger? logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        if (options.MaxRetries > 0)
        {
            var maxRetryAfter = options.MaxRetryAfter;
            var clock = timeProvider ?? TimeProvider.System;
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),

                // The library's transient outcomes (HttpRequestException, TimeoutRejectedException: an attempt timed
                // out, not the caller's cancellation; 408, 429, 5xx), limited to what is safe to send again.
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),

                // Our own Retry-After reading below is capped.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, maxRetryAfter, clock)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    if (request is not null && request.Options.TryGetValue(RetryCount, out var count))
                    {
                        count.Value++;
                    }

                    string? operation = null;
                    ApiTelemetry? telemetry = null;
                    request?.Options.TryGetValue(OperationId, out operation);
                    request?.Options.TryGetValue(Telemetry, out telemetry);
                    telemetry ??= ApiTelemetry.Shared;
                    telemetry.Retries.Add(
                        1,
                        new KeyValuePair<string, object?>("http.request.method", request?.Method.Method),
                        new KeyValuePair<string, object?>(telemetry.OperationTag, operation));
                    if (logger is not null && request is not null)
                    {
                        var reason = args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
                        Log.Retrying(logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    }

                    // No Dispose here: the retry strategy disposes the failed attempt's response after this callback.
                    return default;
                },
            });
        }

        builder.AddTimeout(options.Timeout);
    }

    /// <summary>Builds the pipeline on its own, for clients created without dependency injection.</summary>
    /// <param name="options">The client's settings.</param>
    /// <param name="logger">Logs each retry at Debug.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ApiClientOptions options, ILogger? logger, TimeProvider? timeProvider = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, logger, timeProvider);
        return builder.Build();
    }

    /// <summary>
    /// Whether an attempt's outcome is retried: a transient failure, on a request that is safe to send again or
    /// (whatever the request) a 429.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return true;
        }

        // A message without the mark was not sent by the transport (a custom caller): keep the library's behaviour.
        return request is null || !request.Options.TryGetValue(OperationId, out _) || (request.Options.TryGetValue(RetrySafe, out var safe) && safe);
    }

    /// <summary>The delay a response's <c>Retry-After</c> asks for, capped at <paramref name="cap"/>; <see langword="null"/> to use the backoff.</summary>
    /// <param name="response">The failed attempt's response, if any.</param>
    /// <param name="cap">The longest wait to honour.</param>
    /// <param name="timeProvider">The clock, for an HTTP-date <c>Retry-After</c>.</param>
    /// <returns>The delay, or <see langword="null"/>.</returns>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider timeProvider)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        TimeSpan? wait = retryAfter.Delta;
        if (wait is null && retryAfter.Date is { } date)
        {
            wait = date - timeProvider.GetUtcNow();
        }

        if (wait is not { } value)
        {
            return null;
        }

        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        return value > cap ? cap : value;
    }
}
