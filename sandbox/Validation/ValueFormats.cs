using System.Globalization;
using System.Text.RegularExpressions;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// The <c>format</c> checks the sandbox makes: <c>email</c>, <c>uri</c>, <c>date-time</c> and <c>date</c>. Other
/// formats (<c>decimal</c>, <c>int64</c>, ...) are annotations and pass.
/// </summary>
internal static partial class ValueFormats
{
    /// <summary>Null when <paramref name="text"/> fits <paramref name="format"/> (or the format is not checked), else the message.</summary>
    public static string? Check(string format, string text) => format switch
    {
        "email" => IsEmail(text) ? null : "must be a valid email address",
        "uri" => IsAbsoluteUri(text) ? null : "must be an absolute URI",
        "date-time" => IsDateTime(text) ? null : "must be a date-time such as 2025-03-27T10:00:00Z",
        "date" => IsDate(text) ? null : "must be a date such as 2025-03-27",
        _ => null,
    };

    /// <summary>
    /// A sane address rather than RFC 5321's full grammar: one <c>@</c>, a local part of printable ASCII without
    /// quoting, spaces or consecutive/edge dots, and a domain of at least two dot-separated labels of letters, digits
    /// and inner hyphens (non-ASCII letters allowed for internationalised domains), the last not all digits.
    /// </summary>
    internal static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        if (text.Length > 254 || at <= 0 || at > 64 || at != text.LastIndexOf('@') || at == text.Length - 1)
        {
            return false;
        }

        var local = text.AsSpan(0, at);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (c <= ' ' || c >= 0x7F || "()<>[]:;@\\,\"".Contains(c))
            {
                return false;
            }
        }

        var labels = text[(at + 1)..].Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => c == '-' || char.IsAsciiLetterOrDigit(c) || (c > 0x7F && char.IsLetterOrDigit(c))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An explicit scheme followed by something <see cref="Uri"/> accepts as absolute. The scheme is checked by hand
    /// because on Unix <see cref="Uri"/> reads <c>/path</c> as an absolute <c>file://</c> URI.
    /// </summary>
    internal static bool IsAbsoluteUri(string text) =>
        UriScheme().IsMatch(text)
        && !text.Any(char.IsWhiteSpace)
        && Uri.TryCreate(text, UriKind.Absolute, out _);

    /// <summary>RFC 3339 <c>date-time</c>, the ISO 8601 profile JSON Schema names: a time zone (<c>Z</c> or an offset) is required.</summary>
    internal static bool IsDateTime(string text) =>
        DateTimeShape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    internal static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex UriScheme();

    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+\-][0-9]{2}:[0-9]{2})\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeShape();
}
