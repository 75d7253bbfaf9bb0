using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Flutterwave.Runtime;

/// <summary>One entry of an error body's <c>validation_errors</c>.</summary>
/// <param name="FieldName">The field the server rejected.</param>
/// <param name="Message">Why.</param>
public sealed record ApiValidationError(string? FieldName, string? Message);

/// <summary>
/// A call to the API failed: the server answered with an error status, or with a body that could not be read.
/// </summary>
/// <remarks>
/// Built from what the error body says (the common shapes payment APIs use: see <see cref="FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>);
/// a non-JSON or empty body still yields the status code and a readable message. The message never contains the
/// request body, so card data cannot leak through it.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>Creates an exception with only a message.</summary>
    public ApiException()
        : this("The API call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ApiException(string message)
        : base(message)
    {
        ValidationErrors = Array.Empty<ApiValidationError>();
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ValidationErrors = Array.Empty<ApiValidationError>();
    }

    /// <summary>Creates an exception for a status code.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ValidationErrors = Array.Empty<ApiValidationError>();
    }

    /// <summary>Creates an exception for an error response, with what was read from it.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="message">The message.</param>
    /// <param name="details">What the body and the request said.</param>
    private protected ApiException(HttpStatusCode statusCode, string message, ResponseDetails details)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = details.Type;
        ErrorCode = details.Code;
        ErrorMessage = details.Message;
        ValidationErrors = details.Validation;
        TraceId = details.TraceId;
        IdempotencyKey = details.IdempotencyKey;
    }

    /// <summary>The HTTP status code, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The error's <c>type</c>, for example <c>REQUEST_NOT_VALID</c> or <c>CLIENT_ENCRYPTION_ERROR</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The error's <c>code</c>, for example <c>10400</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The server's own message, when it sent one.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The fields the server rejected.</summary>
    public IReadOnlyList<ApiValidationError> ValidationErrors { get; init; }

    /// <summary>The trace id the request carried, if any.</summary>
    public string? TraceId { get; init; }

    /// <summary>The idempotency key the request carried, if any.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Builds the exception for an error response.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="pathTemplate">The operation's path template (never the concrete path with ids).</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="body">The response body.</param>
    /// <param name="traceId">The trace id the request carried.</param>
    /// <param name="idempotencyKey">The idempotency key the request carried.</param>
    /// <returns>The exception: a subclass for the statuses that have one (see <see cref="FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/>).</returns>
    public static ApiException FromResponse(string method, string pathTemplate, HttpStatusCode statusCode, ReadOnlySpan<byte> body, string? traceId, string? idempotencyKey) =>
        FromResponse(method, pathTemplate, statusCode, body, traceId, idempotencyKey, retryAfter: null);

    /// <summary>Builds the exception for an error response, choosing the subclass that matches the status.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="pathTemplate">The operation's path template (never the concrete path with ids).</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="body">The response body.</param>
    /// <param name="traceId">The trace id the request carried.</param>
    /// <param name="idempotencyKey">The idempotency key the request carried.</param>
    /// <param name="retryAfter">The response's <c>Retry-After</c>, already parsed; kept on <see cref="ApiRateLimitedException"/>.</param>
    /// <returns>
    /// <see cref="ApiBadRequestException"/> (400), <see cref="ApiUnauthorizedException"/> (401),
    /// <see cref="ApiForbiddenException"/> (403), <see cref="ApiNotFoundException"/> (404),
    /// <see cref="ApiConflictException"/> (409), <see cref="ApiUnprocessableException"/> (422),
    /// <see cref="ApiRateLimitedException"/> (429), <see cref="ApiServerException"/> (500 to 599), and
    /// the base class for any other status (405, 408, ...).
    /// </returns>
    /// <remarks>
    /// The message names the method, the path template, the status and the error's type, code and message, and the
    /// names of rejected fields; it never contains the request, the raw response body, the trace id or the idempotency key.
    /// </remarks>
    public static ApiException FromResponse(string method, string pathTemplate, HttpStatusCode statusCode, ReadOnlySpan<byte> body, string? traceId, string? idempotencyKey, TimeSpan? retryAfter)
    {
        var (type, code, serverMessage, validation) = ErrorBodyReader.Read(body);
        var isEncryptionError = statusCode == (HttpStatusCode)422 && string.Equals(type, EncryptionErrorType, StringComparison.Ordinal);
        var message = BuildMessage(method, pathTemplate, statusCode, body.IsEmpty, type, code, serverMessage, validation, HintFor(statusCode, type, isEncryptionError, retryAfter));

        var details = new ResponseDetails(type, code, serverMessage, validation, traceId, idempotencyKey);
        return (int)statusCode switch
        {
            400 => new ApiBadRequestException(message, details),
            401 => new ApiUnauthorizedException(message, details),
            403 => new ApiForbiddenException(message, details),
            404 => new ApiNotFoundException(message, details),
            409 => new ApiConflictException(message, details),
            422 => new ApiUnprocessableException(message, details),
            429 => new ApiRateLimitedException(message, details) { RetryAfter = retryAfter },
            >= 500 and <= 599 => new ApiServerException(statusCode, message, details),
            _ => new ApiException(statusCode, message, details),
        };
    }

    /// <summary>The <c>error.type</c> a server sends when it cannot decrypt the card or PIN fields.</summary>
    public const string EncryptionErrorType = "CLIENT_ENCRYPTION_ERROR";

    /// <summary>The <c>error.type</c> a server sends when a payment's <c>reference</c> was used before.</summary>
    private const string DuplicateReferenceType = "CHARGE_ALREADY_EXISTS";

    /// <summary>The longest server message copied into <see cref="Exception.Message"/>; the full text stays in <see cref="ErrorMessage"/>.</summary>
    private const int MaxServerMessageInMessage = 300;

    /// <summary>At most this many rejected field names are listed in <see cref="Exception.Message"/>.</summary>
    private const int MaxFieldNamesInMessage = 5;

    private static string BuildMessage(
        string method,
        string pathTemplate,
        HttpStatusCode statusCode,
        bool emptyBody,
        string? type,
        string? code,
        string? serverMessage,
        IReadOnlyList<ApiValidationError> validation,
        string? hint)
    {
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(pathTemplate).Append(" failed with ")
            .Append(((int)statusCode).ToString(CultureInfo.InvariantCulture)).Append(" (").Append(statusCode).Append(')');
        if (type is not null || code is not null)
        {
            text.Append(": ").Append(type);
            if (type is not null && code is not null)
            {
                text.Append(' ');
            }

            text.Append(code);
        }

        if (!string.IsNullOrEmpty(serverMessage))
        {
            text.Append(" - ").Append(serverMessage.Length <= MaxServerMessageInMessage ? serverMessage : string.Concat(serverMessage.AsSpan(0, MaxServerMessageInMessage), "..."));
        }
        else if (emptyBody)
        {
            text.Append(" with an empty body");
        }

        text.Append('.');

        // Field names only: a validation message may quote the rejected value, and the value may be card data.
        var fields = new List<string>();
        var named = 0;
        foreach (var error in validation)
        {
            if (!string.IsNullOrEmpty(error.FieldName) && named++ < MaxFieldNamesInMessage)
            {
                fields.Add(error.FieldName);
            }
        }

        if (validation.Count > 0)
        {
            text.Append(' ').Append(validation.Count.ToString(CultureInfo.InvariantCulture))
                .Append(validation.Count == 1 ? " validation error" : " validation errors");
            if (fields.Count > 0)
            {
                text.Append(" (").Append(string.Join(", ", fields)).Append(fields.Count < named ? ", ..." : string.Empty).Append(')');
            }

            text.Append("; see ValidationErrors.");
        }

        if (hint is not null)
        {
            text.Append(' ').Append(hint);
        }

        return text.ToString();
    }

    private static string? HintFor(HttpStatusCode statusCode, string? type, bool isEncryptionError, TimeSpan? retryAfter) => (int)statusCode switch
    {
        401 => "The access token was missing, expired or rejected: check the client id and secret (or API key) configured for this client.",
        409 when string.Equals(type, DuplicateReferenceType, StringComparison.Ordinal) => "A conflict here means a reused reference (CHARGE_ALREADY_EXISTS), not a lock: retrying with the same reference fails again; use a new reference for a new payment.",
        409 => "The request conflicts with the resource's current state or with a value that must be unique: repeating it unchanged fails again.",
        422 when isEncryptionError => "The server could not decrypt the encrypted card or PIN fields: the configured encryption key is probably wrong (it must be the dashboard's base64 encryption key for this environment, 32 bytes once decoded).",
        429 when retryAfter is { } wait => string.Create(CultureInfo.InvariantCulture, $"Rate limited: retry after {wait.TotalSeconds:0.###} s."),
        429 => "Rate limited: slow down before retrying.",
        _ => null,
    };

    /// <summary>What <see cref="FromResponse(string, string, HttpStatusCode, ReadOnlySpan{byte}, string?, string?, TimeSpan?)"/> hands to the constructors.</summary>
    internal sealed record ResponseDetails(
        string? Type,
        string? Code,
        string? Message,
        IReadOnlyList<ApiValidationError> Validation,
        string? TraceId,
        string? IdempotencyKey);
}
