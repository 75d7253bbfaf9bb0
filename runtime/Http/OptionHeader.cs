using System;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// A header an operation fills from a <see cref="RequestOptions"/> value (the idempotency key, the trace id, the
/// scenario key), with the rules the spec (or the API's conventions) state for it. Generated clients keep one
/// instance per distinct rule set in a static field.
/// </summary>
public sealed class OptionHeader
{
    private const int GeneratedLength = 32;
    private Regex? _regex;

    /// <summary>Creates the rules for one header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="minLength">The shortest value accepted, if the spec states one.</param>
    /// <param name="maxLength">The longest value accepted, if the spec states one.</param>
    /// <param name="pattern">A regular expression values must match (anywhere, as JSON Schema's <c>pattern</c>), if the spec states one.</param>
    /// <param name="required">Refuse to send the request without a value.</param>
    /// <param name="generateWhenMissing">Generate a random value when the caller gives none (hexadecimal, fitted to the length rules).</param>
    public OptionHeader(string name, int? minLength, int? maxLength, string? pattern, bool required = false, bool generateWhenMissing = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (minLength < 0 || maxLength < 1 || minLength > maxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(minLength), "The length rules of header " + name + " leave no valid value.");
        }

        Name = name;
        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        Required = required;
        GenerateWhenMissing = generateWhenMissing;
    }

    /// <summary>The header name.</summary>
    public string Name { get; }

    /// <summary>The shortest value accepted, or <see langword="null"/>.</summary>
    public int? MinLength { get; }

    /// <summary>The longest value accepted, or <see langword="null"/>.</summary>
    public int? MaxLength { get; }

    /// <summary>The pattern values must match, or <see langword="null"/>.</summary>
    public string? Pattern { get; }

    /// <summary>Whether a request without a value is refused.</summary>
    public bool Required { get; }

    /// <summary>Whether a value is generated when the caller gives none.</summary>
    public bool GenerateWhenMissing { get; }

    /// <summary>
    /// The value to send: the caller's, checked against the rules; else a generated one; else <see langword="null"/>.
    /// </summary>
    /// <param name="value">The caller's value.</param>
    /// <param name="option">The <see cref="RequestOptions"/> property it came from, for messages.</param>
    /// <param name="operationId">The operation, for messages.</param>
    /// <returns>The value, or <see langword="null"/> when none is sent.</returns>
    /// <exception cref="ArgumentException">The value breaks a rule, or a required value is missing. The message never holds the value.</exception>
    public string? Resolve(string? value, string option, string operationId)
    {
        if (value is null)
        {
            if (GenerateWhenMissing)
            {
                return Generate();
            }

            if (Required)
            {
                throw new ArgumentException($"{operationId} requires RequestOptions.{option} (sent as {Name}).", "options");
            }

            return null;
        }

        Check(value, option);
        return value;
    }

    /// <summary>A random value that meets the length rules: 32 hexadecimal characters, cut or extended to fit.</summary>
    /// <returns>The value.</returns>
    public string Generate()
    {
        var value = Guid.NewGuid().ToString("N");
        var length = Math.Max(MinLength ?? 1, Math.Min(MaxLength ?? GeneratedLength, GeneratedLength));
        while (value.Length < length)
        {
            value += Guid.NewGuid().ToString("N");
        }

        return value.Length == length ? value : value.Substring(0, length);
    }

    private void Check(string value, string option)
    {
        if (value.Length < (MinLength ?? 0) || (MaxLength is { } max && value.Length > max))
        {
            var rule = (MinLength, MaxLength) switch
            {
                ({ } min, { } most) => min.ToString(CultureInfo.InvariantCulture) + " to " + most.ToString(CultureInfo.InvariantCulture),
                ({ } min, null) => "at least " + min.ToString(CultureInfo.InvariantCulture),
                _ => "at most " + MaxLength!.Value.ToString(CultureInfo.InvariantCulture),
            };
            throw new ArgumentException($"RequestOptions.{option} must be {rule} characters long for {Name}; it is {value.Length.ToString(CultureInfo.InvariantCulture)}.", "options");
        }

        foreach (var c in value)
        {
            // Printable ASCII only: anything else is not a valid header value (and CR/LF would inject headers).
            if (c is < '!' or > '~')
            {
                throw new ArgumentException($"RequestOptions.{option} may hold printable ASCII characters only (letters and digits are safest).", "options");
            }
        }

        if (PatternRegex() is { } regex && !regex.IsMatch(value))
        {
            throw new ArgumentException($"RequestOptions.{option} does not match the pattern the API states for {Name} ({Pattern}).", "options");
        }
    }

    private Regex? PatternRegex()
    {
        if (Pattern is null)
        {
            return null;
        }

        return LazyInitializer.EnsureInitialized(ref _regex, () => new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
