using System;
using System.Net;

namespace Flutterwave.Runtime;

/// <summary>The server understood the request but could not process it (422).</summary>
/// <remarks>
/// The case to know: error type <c>CLIENT_ENCRYPTION_ERROR</c> (<see cref="IsEncryptionError"/>) means the server could
/// not decrypt the encrypted card or PIN fields, which almost always means the configured encryption key is not the
/// dashboard's key for this environment. The message says so; the key itself never appears in it.
/// </remarks>
public sealed class ApiUnprocessableException : ApiException
{
    /// <summary>Creates the exception with a message (for tests and custom transports; the client uses <see cref="ApiException.FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</summary>
    /// <param name="message">The message.</param>
    public ApiUnprocessableException(string message)
        : base(HttpStatusCode.UnprocessableEntity, message)
    {
    }

    internal ApiUnprocessableException(string message, ResponseDetails details)
        : base(HttpStatusCode.UnprocessableEntity, message, details)
    {
    }

    /// <summary>
    /// Whether the error type is <c>CLIENT_ENCRYPTION_ERROR</c>: the encrypted card or PIN fields could not be
    /// decrypted, so the encryption key is probably wrong. Retrying does not help.
    /// </summary>
    public bool IsEncryptionError => string.Equals(ErrorType, EncryptionErrorType, StringComparison.Ordinal);
}
