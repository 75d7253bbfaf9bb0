using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The server did not accept the credentials (401): a missing, expired or rejected access token.</summary>
/// <remarks>Error type <c>UNAUTHORIZED</c>. The transport already renews the token and replays once on a 401, so reaching this means the client id and secret (or API key) themselves are wrong or revoked.</remarks>
public sealed class ApiUnauthorizedException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiUnauthorizedException(string message)
        : base(HttpStatusCode.Unauthorized, message)
    {
    }

    internal ApiUnauthorizedException(string message, ResponseDetails details)
        : base(HttpStatusCode.Unauthorized, message, details)
    {
    }
}
