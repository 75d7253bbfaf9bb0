using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The server rejected the request as malformed or invalid (400).</summary>
/// <remarks>Usually <c>REQUEST_NOT_VALID</c> with <see cref="ApiException.ValidationErrors"/> naming the fields. Retrying the same request gives the same answer.</remarks>
public sealed class ApiBadRequestException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiBadRequestException(string message)
        : base(HttpStatusCode.BadRequest, message)
    {
    }

    internal ApiBadRequestException(string message, ResponseDetails details)
        : base(HttpStatusCode.BadRequest, message, details)
    {
    }
}
