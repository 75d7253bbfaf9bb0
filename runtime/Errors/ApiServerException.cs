using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The server, or a proxy in front of it, failed (500 to 599).</summary>
/// <remarks>
/// The body is often not the JSON error envelope (an HTML 502 page from a gateway, or nothing), so
/// <see cref="ApiException.ErrorType"/> may be <see langword="null"/>. Retrying with the same idempotency key is
/// safe: the transport already did so within its limits.
/// </remarks>
public sealed class ApiServerException : ApiException
{
    /// <summary>Creates the exception with a status and a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="statusCode">The status code, 500 to 599.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not a 5xx status.</exception>
    public ApiServerException(HttpStatusCode statusCode, string message)
        : base(Check(statusCode), message)
    {
    }

    internal ApiServerException(HttpStatusCode statusCode, string message, ResponseDetails details)
        : base(Check(statusCode), message, details)
    {
    }

    private static HttpStatusCode Check(HttpStatusCode statusCode) =>
        (int)statusCode is >= 500 and <= 599 ? statusCode : throw new ArgumentOutOfRangeException(nameof(statusCode), "A server error is a 5xx status.");
}
