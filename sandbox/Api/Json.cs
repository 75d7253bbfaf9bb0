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

    /// <summary>
    /// The largest amount of money the sandbox takes (the spec sets no maximum): far above any real payment, and far
    /// enough below <see cref="decimal.MaxValue"/> that sums, fees and conversions never overflow into a 500.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>A money member: null when absent; a 400 naming <paramref name="field"/> when above <see cref="MaxAmount"/>.</summary>
    public static decimal? Amount(JsonNode? parent, string name, string field) =>
        Dec(parent, name) is { } amount && amount > MaxAmount ? throw ApiProblem.Invalid(field, "must be at most 1000000000000 in the sandbox") : Dec(parent, name);

    public static long? Int(JsonNode? parent, string name)
    {
        var d = Dec(parent, name);
        return d is { } value && value == decimal.Truncate(value) && value is >= long.MinValue and <= long.MaxValue ? (long)value : null;
    }

    /// <summary>A date-time member (already checked against the spec's format), or null.</summary>
    public static DateTimeOffset? Date(JsonNode? parent, string name) =>
        Str(parent, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>A deep copy of a member (the stored state never shares nodes with a request or a response).</summary>
    public static JsonNode? Copy(JsonNode? parent, string name) => parent is JsonObject o ? o[name]?.DeepClone() : null;

    /// <summary>An ISO 8601 UTC timestamp with milliseconds, as the API writes them.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An amount as decimal text with two places, as Flutterwave writes a settlement's <c>refund</c> and <c>chargeback</c>.</summary>
    public static string Text(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Rounds money half away from zero (the bank way, not .NET's default banker's rounding).</summary>
    public static decimal Round(decimal amount, int places = 2) => decimal.Round(amount, places, MidpointRounding.AwayFromZero);

    /// <summary>A JSON object of string values (the spec's <c>Metadata</c>), copied; empty when absent.</summary>
    public static JsonObject Meta(JsonNode? parent) => Copy(parent, "meta") as JsonObject ?? new JsonObject();
}
