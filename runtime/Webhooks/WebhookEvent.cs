using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Runtime.Webhooks;

/// <summary>
/// One webhook delivery: <c>{ webhook_id, timestamp, type, data }</c>, with <c>data</c> kept as JSON until
/// <see cref="GetData{T}"/> reads it into the model its <see cref="Type"/> calls for.
/// </summary>
/// <remarks>
/// Deliveries can repeat: use <see cref="WebhookId"/> to handle each event once. <see cref="ToString"/> shows the id,
/// type and time only; <see cref="Data"/> can hold customer and (masked) card details and is never printed.
/// </remarks>
public sealed class WebhookEvent
{
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private WebhookEvent(string webhookId, DateTimeOffset timestamp, string type, JsonElement data)
    {
        WebhookId = webhookId;
        Timestamp = timestamp;
        Type = type;
        Data = data;
    }

    /// <summary>The delivery's id (<c>webhook_id</c>): the same for every repeat of one event, so the key to deduplicate on.</summary>
    public string WebhookId { get; }

    /// <summary>When the event happened (<c>timestamp</c>, sent as Unix milliseconds).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The event's type (<c>type</c>), for example <see cref="WebhookEventTypes.ChargeCompleted"/>. Other types may arrive.</summary>
    public string Type { get; }

    /// <summary>The event's <c>data</c> object as it arrived. It stays valid after the body's buffer is reused.</summary>
    public JsonElement Data { get; }

    /// <summary>Reads <see cref="Data"/> into a generated model, for example <c>Flutterwave.Charge</c> for <c>charge.completed</c>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <returns>The model.</returns>
    /// <exception cref="FlutterwaveWebhookException">The data does not have the model's shape (a required member missing, say).</exception>
    public T GetData<T>() where T : IJsonModel<T>
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(Data));
        reader.Read();
        try
        {
            return T.ReadJson(ref reader);
        }
        catch (JsonException e)
        {
            // The generated readers' messages name the expected and found token kinds, never values, so they can be kept.
            throw new FlutterwaveWebhookException($"The '{Type}' webhook's data could not be read as {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Describes the event without its data.</summary>
    /// <returns>A description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"WebhookEvent {{ WebhookId = {WebhookId}, Type = {Type}, Timestamp = {Timestamp:O} }}");

    /// <summary>Reads a webhook delivery.</summary>
    /// <param name="body">The raw body.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FlutterwaveWebhookException">The body is not a webhook payload. The message never contains the body.</exception>
    internal static WebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new FlutterwaveWebhookException("The webhook body is empty.");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                throw new FlutterwaveWebhookException("The webhook body has content after its JSON value.");
            }
        }
        catch (JsonException e)
        {
            // Not passed on as the inner exception: System.Text.Json's messages can quote the offending character.
            throw new FlutterwaveWebhookException(string.Create(
                CultureInfo.InvariantCulture,
                $"The webhook body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FlutterwaveWebhookException($"The webhook body is {Describe(root.ValueKind)}, not an object.");
            }

            var webhookId = RequiredText(root, "webhook_id");
            var type = RequiredText(root, "type");
            var timestamp = ReadTimestamp(root);
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new FlutterwaveWebhookException($"The webhook body's 'data' is {(data.ValueKind == JsonValueKind.Undefined ? "missing" : Describe(data.ValueKind))}; expected an object.");
            }

            return new WebhookEvent(webhookId, timestamp, type, data.Clone());
        }
    }

    private static string RequiredText(JsonElement root, string name)
    {
        if (root.TryGetProperty(name, out var value))
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String when value.GetString() is { Length: > 0 } text:
                    return text;
                case JsonValueKind.Number:
                    return value.GetRawText();
            }
        }

        throw new FlutterwaveWebhookException($"The webhook body's '{name}' is missing, empty or not a string.");
    }

    private static DateTimeOffset ReadTimestamp(JsonElement root)
    {
        if (root.TryGetProperty("timestamp", out var value))
        {
            long milliseconds;
            var ok = value.ValueKind switch
            {
                JsonValueKind.Number => value.TryGetInt64(out milliseconds),
                JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds),
                _ => Fail(out milliseconds),
            };

            if (ok && milliseconds >= 0 && milliseconds <= MaxUnixMilliseconds)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            }
        }

        throw new FlutterwaveWebhookException("The webhook body's 'timestamp' is missing or not Unix milliseconds.");

        static bool Fail(out long milliseconds)
        {
            milliseconds = 0;
            return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
