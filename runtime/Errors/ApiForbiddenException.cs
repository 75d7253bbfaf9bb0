using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The credentials are valid but not allowed to do this (403).</summary>
/// <remarks>Check the account's permissions and that sandbox credentials are not used against production (or the reverse).</remarks>
public sealed class ApiForbiddenException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiForbiddenException(string message)
        : base(HttpStatusCode.Forbidden, message)
    {
    }

    internal ApiForbiddenException(string message, ResponseDetails details)
        : base(HttpStatusCode.Forbidden, message, details)
    {
    }
}
