using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>Too many requests (429).</summary>
/// <remarks>
/// The transport already retries a 429 within its limits; this is what remains when it gave up. Wait at least
/// <see cref="RetryAfter"/> (when the server sent <c>Retry-After</c>) before trying again.
/// </remarks>
public sealed class ApiRateLimitedException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiRateLimitedException(string message)
        : base(HttpStatusCode.TooManyRequests, message)
    {
    }

    internal ApiRateLimitedException(string message, ResponseDetails details)
        : base(HttpStatusCode.TooManyRequests, message, details)
    {
    }

    /// <summary>How long the server asked to wait (its <c>Retry-After</c> header), or <see langword="null"/> when it did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
