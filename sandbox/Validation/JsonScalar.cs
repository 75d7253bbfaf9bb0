using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>What kind of JSON a node holds, as far as validation is concerned.</summary>
internal enum JsonKind
{
    Null,
    String,
    Number,
    Boolean,
    Object,
    Array,

    /// <summary>A <see cref="JsonValue"/> that cannot be written as JSON (NaN, infinity, an object that fails to serialize).</summary>
    Unsupported,
}

/// <summary>
/// A node read without trusting it: whatever a <see cref="JsonNode"/> holds (parsed JSON, a CLR value put in with
/// <see cref="JsonValue.Create{T}(T, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}, JsonNodeOptions?)"/>,
/// NaN), reading it here never throws.
/// </summary>
internal readonly struct JsonScalar
{
    private JsonScalar(JsonKind kind, string? text = null, decimal? number = null, bool boolean = false, JsonElement? element = null)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Boolean = boolean;
        Element = element;
    }

    public JsonKind Kind { get; }

    /// <summary>The string, when <see cref="Kind"/> is <see cref="JsonKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>The number, when it is one that <see cref="decimal"/> holds; null for a number out of that range.</summary>
    public decimal? Number { get; }

    public bool Boolean { get; }

    /// <summary>The scalar as a JSON element when it was read as one; null for containers and CLR strings.</summary>
    public JsonElement? Element { get; }

    public static JsonScalar Of(JsonNode? node) => node switch
    {
        null => new JsonScalar(JsonKind.Null),
        JsonObject => new JsonScalar(JsonKind.Object),
        JsonArray => new JsonScalar(JsonKind.Array),
        JsonValue value => FromValue(value),
        _ => new JsonScalar(JsonKind.Unsupported),
    };

    private static JsonScalar FromValue(JsonValue value)
    {
        try
        {
            if (value.TryGetValue(out string? text))
            {
                // A string put in as one (header text, a test's JsonValue.Create("...")): no JSON round trip, which
                // would also refuse text with a lone surrogate that the string checks handle fine.
                return new JsonScalar(JsonKind.String, text: text);
            }

            if (!value.TryGetValue(out JsonElement element))
            {
                // A CLR value: its JSON text says what it is. NaN and friends throw here, hence the catch.
                using var document = JsonDocument.Parse(value.ToJsonString());
                element = document.RootElement.Clone();
            }

            return element.ValueKind switch
            {
                JsonValueKind.String => new JsonScalar(JsonKind.String, text: element.GetString(), element: element),
                JsonValueKind.Number => new JsonScalar(
                    JsonKind.Number,
                    number: element.TryGetDecimal(out var number) ? number : null,
                    element: element),
                JsonValueKind.True => new JsonScalar(JsonKind.Boolean, boolean: true, element: element),
                JsonValueKind.False => new JsonScalar(JsonKind.Boolean, boolean: false, element: element),
                JsonValueKind.Null => new JsonScalar(JsonKind.Null, element: element),

                // A JsonValue wrapping an object or array element is not something JsonNode.Parse produces.
                _ => new JsonScalar(JsonKind.Unsupported),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any CLR value can sit in a JsonValue and its serialization can throw anything; the caller reports
            // "not a valid JSON value" instead of failing the request.
            return new JsonScalar(JsonKind.Unsupported);
        }
    }

    /// <summary>JSON equality for <c>enum</c> and <c>const</c>: numbers by value (1, 1.0 and 1e0 are equal), strings ordinally.</summary>
    public static bool JsonEquals(JsonNode? node, JsonScalar scalar, JsonElement expected)
    {
        try
        {
            switch (scalar.Kind)
            {
                case JsonKind.String:
                    return expected.ValueKind == JsonValueKind.String && string.Equals(expected.GetString(), scalar.Text, StringComparison.Ordinal);
                case JsonKind.Boolean:
                    return expected.ValueKind == (scalar.Boolean ? JsonValueKind.True : JsonValueKind.False);
                case JsonKind.Null:
                    return expected.ValueKind == JsonValueKind.Null;
                case JsonKind.Number when scalar.Number is { } number && expected.ValueKind == JsonValueKind.Number
                    && expected.TryGetDecimal(out var other):
                    return number == other;
                case JsonKind.Number when scalar.Element is { } element:
                    return JsonElement.DeepEquals(element, expected);
                case JsonKind.Object or JsonKind.Array when node is not null:
                    using (var document = JsonDocument.Parse(node.ToJsonString()))
                    {
                        return JsonElement.DeepEquals(document.RootElement, expected);
                    }

                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }
}
