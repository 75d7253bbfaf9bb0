using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>What the spec requires of one member, read from its Spec* attributes.</summary>
internal sealed class SpecConstraints
{
    public static readonly SpecConstraints None = new(null, null, null, null, null, null, null, false, false);

    public SpecConstraints(int? minLength, int? maxLength, string? pattern, Regex? regex, Regex? allowedCharacter, decimal? minimum, decimal? maximum, bool exclusiveMinimum, bool exclusiveMaximum)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        Regex = regex;
        AllowedCharacter = allowedCharacter;
        Minimum = minimum;
        Maximum = maximum;
        ExclusiveMinimum = exclusiveMinimum;
        ExclusiveMaximum = exclusiveMaximum;
    }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    public string? Pattern { get; }

    /// <summary>The pattern, or null when .NET cannot compile it (then only lengths are checked).</summary>
    public Regex? Regex { get; }

    /// <summary>
    /// For patterns of the form <c>^[class]+$</c> (or <c>*</c>, <c>{n,m}</c>): a regex matching one allowed character,
    /// which lets the constant parts of a concatenation or an interpolated string be checked and forbidden characters be named.
    /// </summary>
    public Regex? AllowedCharacter { get; }

    public decimal? Minimum { get; }

    public decimal? Maximum { get; }

    public bool ExclusiveMinimum { get; }

    public bool ExclusiveMaximum { get; }

    public bool HasStringRules => MinLength is not null || MaxLength is not null || Pattern is not null;

    public bool HasRange => Minimum is not null || Maximum is not null;

    /// <summary>Why a whole constant string breaks the constraints, or null when it does not.</summary>
    public string? CheckString(string value)
    {
        if (MinLength is { } min && value.Length < min)
        {
            return $"it is {Characters(value.Length)} long and the spec requires at least {min}";
        }

        if (MaxLength is { } max && value.Length > max)
        {
            return $"it is {Characters(value.Length)} long and the spec allows at most {max}";
        }

        if (AllowedCharacter is not null && FirstForbidden(value) is { } forbidden)
        {
            return $"the pattern {Pattern} does not allow {Describe(forbidden)}";
        }

        if (Regex is not null && !Matches(Regex, value))
        {
            return $"it does not match the pattern {Pattern}";
        }

        return null;
    }

    /// <summary>Why one run of constant text (a prefix, say) already breaks the constraints, or null.</summary>
    /// <param name="constantText">The text.</param>
    /// <remarks>See <see cref="CheckConstantParts(IReadOnlyList{string})"/>.</remarks>
    public string? CheckConstantParts(string constantText) => CheckConstantParts(new[] { constantText });

    /// <summary>
    /// Why the constant fragments of a string built at run time (see <see cref="StringFragments"/>) already break the
    /// constraints whatever the holes hold, or null. Only two things are certain: fragments longer together than the
    /// maximum, and a fragment character outside a pattern that is one anchored character class. The message names
    /// the character and where it is, never a fragment's text.
    /// </summary>
    public string? CheckConstantParts(IReadOnlyList<string> fragments)
    {
        // JSON Schema lengths count code points: a surrogate pair is one character.
        var length = 0;
        foreach (var fragment in fragments)
        {
            for (var i = 0; i < fragment.Length; i++)
            {
                if (!char.IsLowSurrogate(fragment[i]) || i == 0 || !char.IsHighSurrogate(fragment[i - 1]))
                {
                    length++;
                }
            }
        }

        if (MaxLength is { } max && length > max)
        {
            return $"its constant parts alone are {Characters(length)} long and the spec allows at most {max}";
        }

        if (AllowedCharacter is not null)
        {
            for (var part = 0; part < fragments.Count; part++)
            {
                var fragment = fragments[part];
                for (var index = 0; index < fragment.Length; index++)
                {
                    if (!Matches(AllowedCharacter, fragment[index].ToString()))
                    {
                        return $"the pattern {Pattern} does not allow {Describe(fragment[index])} (character {Number(index + 1)} of constant part {Number(part + 1)})";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The value with every character the pattern forbids replaced by <c>-</c>, when that makes it valid.</summary>
    public string? MechanicalFix(string value)
    {
        if (AllowedCharacter is null || !Matches(AllowedCharacter, "-"))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(Matches(AllowedCharacter, c.ToString()) ? c : '-');
        }

        var fixedValue = builder.ToString();
        return fixedValue != value && CheckString(fixedValue) is null ? fixedValue : null;
    }

    /// <summary>Why a constant number breaks the range, or null.</summary>
    public string? CheckNumber(decimal value)
    {
        if (Minimum is { } min && (value < min || (ExclusiveMinimum && value == min)))
        {
            return $"the spec's {(ExclusiveMinimum ? "exclusive " : string.Empty)}minimum is {min.ToString(CultureInfo.InvariantCulture)}";
        }

        if (Maximum is { } max && (value > max || (ExclusiveMaximum && value == max)))
        {
            return $"the spec's {(ExclusiveMaximum ? "exclusive " : string.Empty)}maximum is {max.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    private char? FirstForbidden(string text)
    {
        foreach (var c in text)
        {
            if (!Matches(AllowedCharacter!, c.ToString()))
            {
                return c;
            }
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Characters(int count) => count == 1 ? "1 character" : count.ToString(CultureInfo.InvariantCulture) + " characters";

    private static string Describe(char c) => c switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        _ when char.IsControl(c) || char.IsSurrogate(c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => "'" + c + "'",
    };

    internal static bool Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too slow to decide on is treated as satisfied: no diagnostic rather than a wrong one.
            return true;
        }
    }
}

/// <summary>Reads and caches <see cref="SpecConstraints"/> per member and compiled patterns per pattern text, for one compilation.</summary>
internal sealed class SpecConstraintReader
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly Regex SingleClassPattern = new(@"^\^(\[(?:\\.|[^\]\\])+\])(?:\+|\*|\{\d+(?:,\d*)?\})\$$", RegexOptions.CultureInvariant, MatchTimeout);

    private readonly KnownSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, SpecConstraints> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, (Regex? Whole, Regex? Character)> _patterns = new(StringComparer.Ordinal);

    public SpecConstraintReader(KnownSymbols symbols)
    {
        _symbols = symbols;
    }

    public SpecConstraints For(ISymbol member) => _members.GetOrAdd(member, Read);

    /// <summary>The rules of an <c>[OptionHeader]</c>: its lengths (0 is "none") and pattern.</summary>
    public SpecConstraints ForHeader(AttributeData header)
    {
        int? minLength = null, maxLength = null;
        string? pattern = null;
        foreach (var named in header.NamedArguments)
        {
            switch (named.Key)
            {
                case "MinLength" when named.Value.Value is int min && min > 0:
                    minLength = min;
                    break;
                case "MaxLength" when named.Value.Value is int max && max > 0:
                    maxLength = max;
                    break;
                case "Pattern" when named.Value.Value is string text:
                    pattern = text;
                    break;
            }
        }

        var (whole, character) = pattern is null ? (null, null) : _patterns.GetOrAdd(pattern, Compile);
        return new SpecConstraints(minLength, maxLength, pattern, whole, character, null, null, false, false);
    }

    private SpecConstraints Read(ISymbol member)
    {
        int? minLength = null, maxLength = null;
        decimal? minimum = null, maximum = null;
        bool exclusiveMinimum = false, exclusiveMaximum = false;
        string? pattern = null;
        if (_symbols.Find(member, _symbols.SpecPattern) is { ConstructorArguments.Length: 1 } patternData && patternData.ConstructorArguments[0].Value is string text)
        {
            pattern = text;
        }

        if (_symbols.Find(member, _symbols.SpecLength) is { } lengthData)
        {
            foreach (var named in lengthData.NamedArguments)
            {
                if (named.Value.Value is int value && value >= 0)
                {
                    if (named.Key == "MinLength")
                    {
                        minLength = value;
                    }
                    else if (named.Key == "MaxLength")
                    {
                        maxLength = value;
                    }
                }
            }
        }

        if (_symbols.Find(member, _symbols.SpecRange) is { } rangeData)
        {
            foreach (var named in rangeData.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Minimum" when named.Value.Value is string minText && TryParse(minText, out var min):
                        minimum = min;
                        break;
                    case "Maximum" when named.Value.Value is string maxText && TryParse(maxText, out var max):
                        maximum = max;
                        break;
                    case "ExclusiveMinimum" when named.Value.Value is bool exMin:
                        exclusiveMinimum = exMin;
                        break;
                    case "ExclusiveMaximum" when named.Value.Value is bool exMax:
                        exclusiveMaximum = exMax;
                        break;
                }
            }
        }

        if (minLength is null && maxLength is null && pattern is null && minimum is null && maximum is null)
        {
            return SpecConstraints.None;
        }

        var (whole, character) = pattern is null ? (null, null) : _patterns.GetOrAdd(pattern, Compile);
        return new SpecConstraints(minLength, maxLength, pattern, whole, character, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
    }

    private static (Regex? Whole, Regex? Character) Compile(string pattern)
    {
        Regex? whole = null, character = null;
        try
        {
            whole = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            var match = SingleClassPattern.Match(pattern);
            if (match.Success)
            {
                character = new Regex("^" + match.Groups[1].Value + "$", RegexOptions.CultureInvariant, MatchTimeout);
            }
        }
        catch (ArgumentException)
        {
            // ECMA-262 syntax .NET does not read: the pattern is not checked.
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return (whole, character);
    }

    private static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
