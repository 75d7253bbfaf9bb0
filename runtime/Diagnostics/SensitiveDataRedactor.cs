using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Flutterwave.Runtime.Diagnostics;

/// <summary>
/// Rewrites a JSON body for logging with sensitive values replaced by <c>"[REDACTED]"</c>: members whose names
/// denote card data or credentials (card number, CVV, PIN, expiry, every <c>encrypted_*</c>, nonce, secrets, tokens,
/// keys, passwords), and any string that looks like a card number (13 to 19 digits passing the Luhn check)
/// wherever it appears. A body that is not JSON is not logged at all.
/// </summary>
public static class SensitiveDataRedactor
{
    /// <summary>What replaces a sensitive value.</summary>
    public const string Mask = "[REDACTED]";

    private static readonly HashSet<string> SensitiveNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "card_number", "cardnumber", "number", "pan", "cvv", "cvv2", "cvc", "security_code", "pin", "otp", "code_verifier",
        "expiry_month", "expiry_year", "expirymonth", "expiryyear", "expiration_month", "expiration_year", "exp_month", "exp_year",
        "nonce", "client_secret", "clientsecret", "secret", "secret_hash", "access_token", "refresh_token", "token", "id_token",
        "api_key", "apikey", "encryption_key", "password", "authorization",
    };

    /// <summary>Returns the redacted JSON text, or a placeholder when <paramref name="json"/> is not JSON.</summary>
    /// <param name="json">The body.</param>
    /// <returns>Text safe to log.</returns>
    public static string Redact(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return "(empty)";
        }

        var buffer = new ArrayBufferWriter<byte>(json.Length);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using (var writer = new Utf8JsonWriter(buffer))
            {
                var redactNext = false;
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            var name = reader.GetString()!;
                            redactNext = IsSensitiveName(name);
                            writer.WritePropertyName(name);
                            continue;
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            if (redactNext)
                            {
                                reader.Skip();
                                writer.WriteStringValue(Mask);
                            }
                            else if (reader.TokenType == JsonTokenType.StartObject)
                            {
                                writer.WriteStartObject();
                            }
                            else
                            {
                                writer.WriteStartArray();
                            }

                            break;
                        case JsonTokenType.EndObject:
                            writer.WriteEndObject();
                            break;
                        case JsonTokenType.EndArray:
                            writer.WriteEndArray();
                            break;
                        case JsonTokenType.String:
                            var text = reader.GetString()!;
                            writer.WriteStringValue(redactNext || LooksLikeCardNumber(text) ? Mask : text);
                            break;
                        case JsonTokenType.Number:
                            if (redactNext || LooksLikeCardNumber(Encoding.UTF8.GetString(reader.ValueSpan)))
                            {
                                writer.WriteStringValue(Mask);
                            }
                            else
                            {
                                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                            }

                            break;
                        case JsonTokenType.True:
                        case JsonTokenType.False:
                            writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                            break;
                        case JsonTokenType.Null:
                            writer.WriteNullValue();
                            break;
                    }

                    redactNext = false;
                }
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return $"(not JSON, {json.Length} bytes, not logged)";
        }
        catch (InvalidOperationException)
        {
            return $"(not JSON, {json.Length} bytes, not logged)";
        }
    }

    /// <summary>Whether a JSON member name denotes card data or a credential.</summary>
    /// <param name="name">The member name.</param>
    /// <returns><see langword="true"/> when its value must not be logged.</returns>
    public static bool IsSensitiveName(string name) =>
        SensitiveNames.Contains(name) || name.StartsWith("encrypted_", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="text"/> is 13 to 19 digits (spaces and dashes allowed) passing the Luhn check.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when it may be a card number.</returns>
    public static bool LooksLikeCardNumber(string text) =>
        text.Length is >= 13 and <= 23
        && CardNumberDigits.TryRead(text, out var digits, out var luhnValid)
        && digits is >= 13 and <= 19
        && luhnValid;
}
