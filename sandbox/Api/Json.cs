using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api;

/// <summary>Small, non-throwing readers over request JSON (which has already passed spec validation).</summary>
internal static class Json
{
    public static string? Str(JsonNode? parent, string name) =>
        parent is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static JsonObject? Obj(JsonNode? parent, string name) => parent is JsonObject o ? o[name] as JsonObject : null;

    public static bool? Bool(JsonNode? parent, string name) =>
        parent is JsonObject o && o[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>A JSON number as a decimal; <see langword="null"/> when absent, not a number, or out of decimal's range.</summary>
    public static decimal? Dec(JsonNode? parent, string name)
    {
        if (parent is not JsonObject o || o[name] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static long? Int(JsonNode? parent, string name)
    {
        var d = Dec(parent, name);
        return d is { } value && value == decimal.Truncate(value) && value is >= long.MinValue and <= long.MaxValue ? (long)value : null;
    }

    /// <summary>A deep copy of a member (the stored state never shares nodes with a request or a response).</summary>
    public static JsonNode? Copy(JsonNode? parent, string name) => parent is JsonObject o ? o[name]?.DeepClone() : null;

    public static string Now() => Timestamp(DateTimeOffset.UtcNow);

    /// <summary>An ISO 8601 UTC timestamp with milliseconds, as the API writes them.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
