using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The resource does not exist (404).</summary>
/// <remarks>The id in the path is unknown to this account and environment.</remarks>
public sealed class FlutterwaveNotFoundException : FlutterwaveApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="FlutterwaveApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public FlutterwaveNotFoundException(string message)
        : base(HttpStatusCode.NotFound, message)
    {
    }

    internal FlutterwaveNotFoundException(string message, ResponseDetails details)
        : base(HttpStatusCode.NotFound, message, details)
    {
    }
}
