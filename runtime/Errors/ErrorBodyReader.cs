using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Flutterwave.Runtime;

/// <summary>
/// Reads what an error body says, liberally: the error's type, code, message and rejected fields, from the shapes
/// payment APIs use. <c>{ error: { type, code, message, validation_errors: [{ field_name, message }] } }</c>
/// (Flutterwave); <c>{ errorType, errorCode, message, invalidFields: [{ name, message }] }</c> (Adyen);
/// <c>{ name, message, details: [{ field, issue, description }] }</c> (PayPal); <c>{ errors: [{ category, code,
/// detail, field }] }</c> (Square); RFC 9457 problem details <c>{ type, title, detail, errors }</c>; and a bare
/// <c>{ error, error_description }</c> (OAuth2). Rejected values are never read, only field names and messages.
/// </summary>
internal static class ErrorBodyReader
{
    public static (string? Type, string? Code, string? Message, IReadOnlyList<ApiValidationError> Validation) Read(ReadOnlySpan<byte> body)
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

            // Square puts everything in an errors array; its first entry is the error.
            var first = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].ValueKind == JsonValueKind.Object && !root.TryGetProperty("message", out _) && !root.TryGetProperty("title", out _)
                ? errors[0]
                : (JsonElement?)null;
            var source = first ?? error;

            var type = Text(source, "type") ?? Text(source, "errorType") ?? Text(source, "category") ?? Text(root, "name");
            var code = Text(source, "code") ?? Text(source, "errorCode") ?? Text(source, "error_code") ?? OAuthCode(root);
            var message = Text(source, "message") ?? Text(source, "detail") ?? Text(root, "message") ?? Text(root, "detail")
                ?? Text(root, "title") ?? Text(root, "error_description");
            return (type, code, message, Validation(error, root));
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): the status code is all there is.
            return (null, null, null, none);
        }
    }

    private static IReadOnlyList<ApiValidationError> Validation(JsonElement error, JsonElement root)
    {
        var result = new List<ApiValidationError>();
        Add(result, error, "validation_errors", requireField: false, "field_name", "message");
        Add(result, root, "invalidFields", requireField: false, "name", "message");

        // In these lists only entries that name a field are about a field; the rest are errors of their own.
        Add(result, root, "details", requireField: true, "field", "description", "issue");
        Add(result, root, "errors", requireField: true, "field", "detail", "message");
        return result;
    }

    /// <summary>OAuth2's <c>{ "error": "invalid_client" }</c>: the code, when the string looks like one (no spaces).</summary>
    private static string? OAuthCode(JsonElement root)
    {
        if (Text(root, "error") is not { Length: > 0 } text)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return null;
            }
        }

        return text;
    }

    private static void Add(List<ApiValidationError> result, JsonElement owner, string list, bool requireField, string field, params string[] messages)
    {
        if (!owner.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.Object ? Text(item, field) : null;
            if (item.ValueKind != JsonValueKind.Object || (requireField && name is null))
            {
                continue;
            }

            string? message = null;
            foreach (var candidate in messages)
            {
                message ??= Text(item, candidate);
            }

            result.Add(new ApiValidationError(name, message));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
