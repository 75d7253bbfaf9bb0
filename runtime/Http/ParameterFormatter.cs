using System;
using System.Collections.Generic;
using System.Globalization;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// Formats path, query and header parameter values the way OpenAPI's <c>simple</c> and <c>form</c> styles expect:
/// invariant culture, ISO 8601 dates, lowercase booleans.
/// </summary>
public static class ParameterFormatter
{
    /// <summary>Formats a string (unchanged).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(string value) => value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Formats a boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats a 32-bit integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a double so that it reads back to the same value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a single so that it reads back to the same value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a date-time as RFC 3339.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a UUID in its hyphenated form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Formats a URI as the text it was created from.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(Uri value) => (value ?? throw new ArgumentNullException(nameof(value))).OriginalString;

    /// <summary>Formats bytes as base64.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(byte[] value) => Convert.ToBase64String(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Joins list values with commas (the <c>form</c> style with <c>explode: false</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The values.</param>
    /// <param name="format">Formats one value.</param>
    /// <returns>The joined text.</returns>
    public static string Join<T>(IEnumerable<T> values, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var parts = new List<string>();
        foreach (var value in values)
        {
            parts.Add(format(value));
        }

        return string.Join(",", parts);
    }
}
