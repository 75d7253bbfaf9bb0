using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The resource does not exist (404).</summary>
/// <remarks>The id in the path is unknown to this account and environment.</remarks>
public sealed class ApiNotFoundException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiNotFoundException(string message)
        : base(HttpStatusCode.NotFound, message)
    {
    }

    internal ApiNotFoundException(string message, ResponseDetails details)
        : base(HttpStatusCode.NotFound, message, details)
    {
    }
}
