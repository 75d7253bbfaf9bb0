using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// The spec's <c>pattern</c>s as .NET regular expressions, built once per process. Patterns are written for
/// ECMAScript (JSON Schema says so); the few differences that matter for validation are translated.
/// </summary>
internal static class PatternCache
{
    /// <summary>A pattern that takes longer than this on one value counts as not matching: no request hangs on it.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // Only the spec's own patterns go in here, never request data, so the cache stays small.
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>The regex for <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Get(string pattern) =>
        Compiled.GetOrAdd(
            pattern,
            static p => new Regex(Translate(p), RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout));

    /// <summary>Whether <paramref name="text"/> matches somewhere (JSON Schema patterns are not anchored).</summary>
    public static bool IsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// ECMAScript to .NET: <c>\d</c> and <c>\w</c> are ASCII-only in ECMAScript but Unicode-wide in .NET (so
    /// <c>^\d+$</c> would accept Arabic-Indic digits); <c>$</c> without the multiline flag is the very end in
    /// ECMAScript but also "before a final newline" in .NET (so <c>^[a-z]+$</c> would accept <c>"abc\n"</c>);
    /// <c>[]</c> and <c>[^]</c> are "nothing" and "anything" in ECMAScript.
    /// </summary>
    internal static string Translate(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var escaped = pattern[++i];
                result.Append((inClass, escaped) switch
                {
                    (false, 'd') => "[0-9]",
                    (false, 'D') => "[^0-9]",
                    (false, 'w') => "[a-zA-Z0-9_]",
                    (false, 'W') => "[^a-zA-Z0-9_]",
                    (true, 'd') => "0-9",
                    (true, 'w') => "a-zA-Z0-9_",
                    _ => string.Concat("\\", escaped.ToString()),
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
                continue;
            }

            switch (c)
            {
                case '[' when string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0:
                    result.Append("(?!)");
                    i++;
                    break;
                case '[' when string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0:
                    result.Append(@"[\s\S]");
                    i += 2;
                    break;
                case '[':
                    inClass = true;
                    result.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        result.Append('^');
                        i++;
                    }

                    break;
                case '$':
                    result.Append(@"\z");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }
}
