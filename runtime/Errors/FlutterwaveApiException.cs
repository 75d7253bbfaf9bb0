using System;
using System.Collections.Generic;
using System.Net;
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
/// Built from the error envelope <c>{ status, error: { type, code, message, validation_errors } }</c> when the body is
/// one; a non-JSON or empty body still yields the status code and a readable message. The message never contains the
/// request body, so card data cannot leak through it.
/// </remarks>
public class FlutterwaveApiException : Exception
{
    /// <summary>Creates an exception with only a message.</summary>
    public FlutterwaveApiException()
        : this("The API call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FlutterwaveApiException(string message)
        : base(message)
    {
        ValidationErrors = Array.Empty<ApiValidationError>();
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FlutterwaveApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ValidationErrors = Array.Empty<ApiValidationError>();
    }

    /// <summary>Creates an exception for a status code.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FlutterwaveApiException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ValidationErrors = Array.Empty<ApiValidationError>();
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
    /// <returns>The exception.</returns>
    public static FlutterwaveApiException FromResponse(string method, string pathTemplate, HttpStatusCode statusCode, ReadOnlySpan<byte> body, string? traceId, string? idempotencyKey)
    {
        var (type, code, serverMessage, validation) = TryReadErrorBody(body);
        var message = $"{method} {pathTemplate} failed with {(int)statusCode} ({statusCode})";
        if (type is not null || code is not null)
        {
            message += $": {type}{(type is not null && code is not null ? " " : string.Empty)}{code}";
        }

        if (!string.IsNullOrEmpty(serverMessage))
        {
            message += $" - {serverMessage}";
        }
        else if (body.IsEmpty)
        {
            message += " with an empty body";
        }

        return new FlutterwaveApiException(statusCode, message + ".")
        {
            ErrorType = type,
            ErrorCode = code,
            ErrorMessage = serverMessage,
            ValidationErrors = validation,
            TraceId = traceId,
            IdempotencyKey = idempotencyKey,
        };
    }

    private static (string? Type, string? Code, string? Message, IReadOnlyList<ApiValidationError> Validation) TryReadErrorBody(ReadOnlySpan<byte> body)
    {
        IReadOnlyList<ApiValidationError> none = Array.Empty<ApiValidationError>();
        if (body.IsEmpty)
        {
            return (null, null, null, none);
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, none);
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
            var validation = new List<ApiValidationError>();
            if (error.TryGetProperty("validation_errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        validation.Add(new ApiValidationError(Text(item, "field_name"), Text(item, "message")));
                    }
                }
            }

            return (Text(error, "type"), Text(error, "code"), Text(error, "message") ?? Text(root, "message"), validation);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): the status code is all there is.
            return (null, null, null, none);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
