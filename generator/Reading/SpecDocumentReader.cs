using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using Flutterwave.Codegen.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Flutterwave.Codegen.Reading;

/// <summary>
/// Turns spec text (YAML or JSON: JSON is read as YAML's flow style) into a <see cref="JsonNode"/> tree for
/// Microsoft.OpenApi, and maps JSON pointers back to lines for diagnostics.
/// </summary>
/// <remarks>
/// Microsoft.OpenApi's own YAML reader cannot load here (see packages-here.md), so YamlDotNet parses and this class
/// types plain scalars the YAML 1.2 core-schema way: <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c>, integers
/// and decimals. Quoted scalars stay strings, so <c>'200'</c> is a string and <c>minimum: 0.01</c> a number.
/// </remarks>
internal static class SpecDocumentReader
{

    /// <summary>Reads the text. On a syntax error returns <see langword="null"/> and the error's message and span.</summary>
    public static JsonNode? Read(string path, string text, out string? error, out SpecSpan? errorSpan)
    {
        error = null;
        errorSpan = null;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJson(path, text, out error, out errorSpan);
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var root = ReadNode(parser, anchors);
            parser.Consume<DocumentEnd>();
            return root;
        }
        catch (YamlException ex)
        {
            error = ex.InnerException is { } inner && ex.Message.StartsWith("(", StringComparison.Ordinal) ? inner.Message : ex.Message;
            errorSpan = ToSpan(path, text, ex.Start, ex.End);
            return null;
        }
    }

    /// <summary>
    /// JSON is read strictly: YAML's flow style would accept text that is not JSON (<c>{"a": }</c>), and a
    /// <c>.json</c> file that is not JSON deserves to be told so.
    /// </summary>
    private static JsonNode? ReadJson(string path, string text, out string? error, out SpecSpan? errorSpan)
    {
        error = null;
        errorSpan = null;
        if (text.Trim().Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (System.Text.Json.JsonException ex)
        {
            error = ex.Message.Split(new[] { " LineNumber:" }, StringSplitOptions.None)[0].Split(new[] { " Path:" }, StringSplitOptions.None)[0].TrimEnd();
            var line = (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0);
            var start = LineStart(text, line) + column;
            errorSpan = new SpecSpan(path, Math.Min(start, text.Length), 0, line, column, line, column);
            return null;
        }
    }

    private static int LineStart(string text, int line)
    {
        var index = 0;
        for (var i = 0; i < line && index >= 0; i++)
        {
            index = text.IndexOf('\n', index);
            index = index < 0 ? text.Length : index + 1;
        }

        return Math.Min(index, text.Length);
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"The alias '*{alias.Value.Value}' names no anchor.");
            }

            return target?.DeepClone();
        }

        JsonNode? node;
        string? anchor = null;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            node = ConvertScalar(scalar);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }

            node = array;
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current;
                var key = ReadNode(parser, anchors);
                if (key is not JsonValue keyValue)
                {
                    throw new YamlException(keyEvent!.Start, keyEvent.End, "Mapping keys must be scalars.");
                }

                // Keys are names whatever they look like: `200:` and `'200':` are the same response code.
                var name = keyValue.GetValueKind() == System.Text.Json.JsonValueKind.String ? keyValue.GetValue<string>() : keyValue.ToJsonString();
                obj[name] = ReadNode(parser, anchors);
            }

            node = obj;
        }
        else
        {
            var current = parser.Current;
            throw new YamlException(current!.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IsCoreInteger(value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (IsCoreFloat(value))
        {
            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var big))
            {
                return JsonValue.Create(big);
            }
        }

        return JsonValue.Create(value);
    }

    // YAML 1.2 core schema: int is [-+]?[0-9]+ and float is [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?.
    // Written out by hand: every plain scalar of a spec passes through here, and a Regex costs more to start than to run.
    private static bool IsCoreInteger(string value)
    {
        var i = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
        return i < value.Length && Digits(value, ref i) > 0 && i == value.Length;
    }

    private static bool IsCoreFloat(string value)
    {
        var i = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
        var whole = Digits(value, ref i);
        var fraction = 0;
        if (i < value.Length && value[i] == '.')
        {
            i++;
            fraction = Digits(value, ref i);
        }

        if (whole == 0 && fraction == 0)
        {
            return false;
        }

        if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
        {
            i++;
            if (i < value.Length && (value[i] == '-' || value[i] == '+'))
            {
                i++;
            }

            if (Digits(value, ref i) == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static int Digits(string value, ref int index)
    {
        var start = index;
        while (index < value.Length && value[index] >= '0' && value[index] <= '9')
        {
            index++;
        }

        return index - start;
    }

    /// <summary>
    /// Finds the spans of JSON pointers (<c>#/paths/~1customers/get</c>) in the text. A pointer that names nothing
    /// maps to its longest prefix that does; the empty pointer maps to the file start. Only called when there are
    /// diagnostics to place, so the common path never pays for it.
    /// </summary>
    public static Dictionary<string, SpecSpan> Locate(string path, string text, IReadOnlyCollection<string> pointers)
    {
        var result = new Dictionary<string, SpecSpan>(StringComparer.Ordinal);
        if (pointers.Count == 0)
        {
            return result;
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pointer in pointers)
        {
            var normalized = Normalize(pointer);
            for (var cut = normalized.Length; cut > 0; cut = normalized.LastIndexOf('/', cut - 1))
            {
                if (!wanted.Add(normalized.Substring(0, cut)))
                {
                    break;
                }
            }
        }

        var found = new Dictionary<string, SpecSpan>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                Walk(parser, "#", null, path, text, wanted, found);
            }
        }
        catch (YamlException)
        {
            // The document was readable when the diagnostics were made; if not now, fall back to the file start.
        }

        foreach (var pointer in pointers)
        {
            var normalized = Normalize(pointer);
            var span = SpecSpan.FileStart(path);
            for (var cut = normalized.Length; cut > 0; cut = normalized.LastIndexOf('/', cut - 1))
            {
                if (found.TryGetValue(normalized.Substring(0, cut), out var hit))
                {
                    span = hit;
                    break;
                }
            }

            result[pointer] = span;
        }

        return result;
    }

    private static void Walk(IParser parser, string pointer, Mark? keyStart, string path, string text, HashSet<string> wanted, Dictionary<string, SpecSpan> found)
    {
        var start = parser.Current!.Start;
        var interesting = wanted.Contains(pointer);
        if (parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is Scalar key)
                {
                    parser.MoveNext();
                    var child = pointer + "/" + Escape(key.Value);
                    if (wanted.Contains(child))
                    {
                        Walk(parser, child, key.Start, path, text, wanted, found);
                    }
                    else
                    {
                        parser.SkipThisAndNestedEvents();
                    }
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                    parser.SkipThisAndNestedEvents();
                }
            }
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            var index = 0;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var child = pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
                if (wanted.Contains(child))
                {
                    Walk(parser, child, null, path, text, wanted, found);
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }

                index++;
            }
        }
        else
        {
            parser.MoveNext();
        }

        if (interesting)
        {
            // Point at the key (`type:`) rather than the whole value: the line a reader looks for.
            var anchor = keyStart ?? start;
            found[pointer] = ToSpan(path, text, anchor, keyStart is null ? start : keyStart.Value);
        }
    }

    private static string Normalize(string pointer)
    {
        if (pointer.StartsWith("#", StringComparison.Ordinal))
        {
            return pointer.TrimEnd('/');
        }

        return "#" + (pointer.StartsWith("/", StringComparison.Ordinal) ? pointer : "/" + pointer).TrimEnd('/');
    }

    /// <summary>Escapes one JSON pointer segment (RFC 6901).</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static SpecSpan ToSpan(string path, string text, Mark start, Mark end)
    {
        // YamlDotNet marks are one-based lines and columns with a zero-based character index.
        var startIndex = Clamp((int)start.Index, text.Length);
        var endIndex = Clamp((int)Math.Max(end.Index, start.Index), text.Length);
        if (endIndex == startIndex)
        {
            endIndex = LineEnd(text, startIndex);
        }

        var endLine = (int)Math.Max(start.Line, end.Line) - 1;
        var endColumn = end.Line > start.Line || end.Index > start.Index ? (int)end.Column - 1 : (int)start.Column - 1 + (endIndex - startIndex);
        return new SpecSpan(path, startIndex, endIndex - startIndex, (int)start.Line - 1, (int)start.Column - 1, Math.Max(endLine, (int)start.Line - 1), Math.Max(0, endColumn));
    }

    private static int LineEnd(string text, int index)
    {
        var end = text.IndexOf('\n', index);
        return end < 0 ? text.Length : end;
    }

    private static int Clamp(int value, int max) => value < 0 ? 0 : value > max ? max : value;
}
