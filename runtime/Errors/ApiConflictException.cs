using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The request conflicts with an existing resource (409).</summary>
/// <remarks>For charges and orders this is a reused <c>reference</c> (error type <c>CHARGE_ALREADY_EXISTS</c>): references must be unique across all your transactions. It is not a lock or a concurrency error, so retrying with the same reference fails again; a retry with the same idempotency key instead returns the original response. Look the existing charge up by its reference, or use a new reference for a new payment.</remarks>
public sealed class ApiConflictException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiConflictException(string message)
        : base(HttpStatusCode.Conflict, message)
    {
    }

    internal ApiConflictException(string message, ResponseDetails details)
        : base(HttpStatusCode.Conflict, message, details)
    {
    }
}
