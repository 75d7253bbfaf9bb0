using System;
using System.Collections.Generic;
using System.Text;

namespace Flutterwave.Codegen.Naming;

/// <summary>Turns names from a spec (JSON names, operation ids, tags, enum values) into C# identifiers.</summary>
internal static class Identifier
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase: words split at anything that is not a letter or digit, each word's first letter raised.
    /// An all-capitals word keeps its case when it stands alone (<c>NGN</c>) and is title-cased inside a longer
    /// name (<c>NOT_REQUIRED</c> becomes <c>NotRequired</c>). A leading digit gets an underscore (<c>_3ds</c>).
    /// </summary>
    public static string ToPascal(string raw)
    {
        var words = SplitWords(raw);
        var builder = new StringBuilder(raw.Length);
        foreach (var word in words)
        {
            var shout = words.Count > 1 && IsAllUpper(word);
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(shout ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>camelCase for parameters and locals, with <c>@</c> before a C# keyword.</summary>
    public static string ToCamel(string raw)
    {
        var pascal = ToPascal(raw);
        var start = pascal[0] == '_' ? 1 : 0;
        var end = start;
        while (end < pascal.Length && char.IsUpper(pascal[end]))
        {
            end++;
        }

        // Lower the leading capitals, but keep the last one when it starts the next word: XTraceId -> xTraceId.
        if (end < pascal.Length && end - start > 1 && char.IsLower(pascal[end]))
        {
            end--;
        }

        var camel = pascal.Substring(0, start) + pascal.Substring(start, end - start).ToLowerInvariant() + pascal.Substring(end);
        return EscapeKeyword(camel);
    }

    /// <summary>Prefixes <c>@</c> when the name is a C# keyword.</summary>
    public static string EscapeKeyword(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>Whether the text is a valid (dotted) C# namespace.</summary>
    public static bool IsValidNamespace(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var part in text.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text is a valid C# identifier (not a keyword).</summary>
    public static bool IsValidIdentifier(string text)
    {
        if (string.IsNullOrEmpty(text) || Keywords.Contains(text) || !(char.IsLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> SplitWords(string raw)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in raw ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c) && c < 0x2000)
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static bool IsAllUpper(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters > 1;
    }
}
