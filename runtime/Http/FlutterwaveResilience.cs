using System;
using System.Collections.Generic;
using System.Globalization;
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
/// <see cref="FlutterwaveOptions.MaxRetryAfter"/>; other 4xx are final (a 409 is a reused reference, not a lock);
/// the caller's cancellation stops everything at once.
/// </summary>
/// <remarks>
/// Retrying a POST is safe because the transport fixes the idempotency key before the first attempt and every
/// attempt sends the same request message, so the server answers a replay with the original result.
/// </remarks>
public static class FlutterwaveResilience
{
    /// <summary>Counts the retries of one logical call; the transport reads it for its log line.</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> RetryCount = new("Flutterwave.RetryCount");

    /// <summary>The operation id of the logical call, for the retry metric's tags.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationId = new("Flutterwave.OperationId");

    /// <summary>Adds the retry and attempt-timeout strategies to <paramref name="builder"/>.</summary>
    /// <param name="builder">The pipeline builder (from <c>AddResilienceHandler</c>, or a new one).</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="logger">Logs each retry at Debug.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, FlutterwaveOptions options, ILogger? logger, TimeProvider? timeProvider = null)
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

                // ShouldHandle keeps the library's default: HttpRequestException, TimeoutRejectedException (an attempt
                // timed out, not the caller's cancellation), 408, 429 and 5xx. Our own Retry-After reading below is capped.
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
                    request?.Options.TryGetValue(OperationId, out operation);
                    FlutterwaveTelemetry.Retries.Add(
                        1,
                        new KeyValuePair<string, object?>("http.request.method", request?.Method.Method),
                        new KeyValuePair<string, object?>("flutterwave.operation", operation));
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
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(FlutterwaveOptions options, ILogger? logger, TimeProvider? timeProvider = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, logger, timeProvider);
        return builder.Build();
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
