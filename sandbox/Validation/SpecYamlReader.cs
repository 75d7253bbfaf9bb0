using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// Turns the text of a YAML (or JSON) spec into a <see cref="JsonNode"/> tree, typing plain scalars by the YAML 1.2
/// core schema: <c>null</c>, <c>~</c> and an empty value are null; <c>true</c>/<c>false</c> are booleans; integers and
/// floats are numbers. Quoted scalars stay strings (<c>'200'</c>), and mapping keys are always names (<c>3ds</c>).
/// </summary>
internal static partial class SpecYamlReader
{
    // A spec nests a few levels per schema; anything deeper is a broken (or hostile) document, not a spec.
    private const int MaxNesting = 256;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>Reads the single document of <paramref name="yamlText"/>.</summary>
    /// <exception cref="FormatException">The text is empty, not YAML, or holds more than one document.</exception>
    public static JsonNode? Read(string yamlText)
    {
        try
        {
            var parser = new Parser(new StringReader(yamlText));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new FormatException("The spec is empty.");
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, new Dictionary<string, JsonNode?>(StringComparer.Ordinal), 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new FormatException("The spec holds more than one YAML document.");
            }

            return root;
        }
        catch (YamlException ex)
        {
            throw new FormatException(
                $"The spec is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {WithoutLocation(ex.Message)}",
                ex);
        }
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors, int nesting)
    {
        if (nesting > MaxNesting)
        {
            throw new FormatException($"The spec nests more than {MaxNesting} levels deep.");
        }

        var start = parser.Current ?? throw new FormatException("The spec ends in the middle of a value.");
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target?.DeepClone()
                : throw Error(alias, $"the alias '*{alias.Value.Value}' names no anchor defined before it");
        }

        JsonNode? node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = ConvertScalar(scalar);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            anchor = sequence.Anchor;
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors, nesting + 1));
            }

            node = array;
        }
        else if (parser.TryConsume<MappingStart>(out var mapping))
        {
            anchor = mapping.Anchor;
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                // Keys are names whatever they look like: `3ds:` and `200:` stay the strings "3ds" and "200".
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    throw Error(parser.Current ?? start, "mapping keys must be plain names");
                }

                if (obj.ContainsKey(key.Value))
                {
                    throw Error(key, $"the key '{key.Value}' appears twice in one mapping");
                }

                obj[key.Value] = ReadNode(parser, anchors, nesting + 1);
            }

            node = obj;
        }
        else
        {
            throw Error(start, $"unexpected {start.GetType().Name}");
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty)
        {
            // An explicit core tag (`!!str 12`, `!!int "12"`) decides the type; any other tag leaves the text as is.
            var tag = scalar.Tag.Value;
            return tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) && tag != CoreTagPrefix + "str"
                ? TypePlain(scalar.Value)
                : JsonValue.Create(scalar.Value);
        }

        return scalar.Style == ScalarStyle.Plain ? TypePlain(scalar.Value) : JsonValue.Create(scalar.Value);
    }

    /// <summary>The YAML 1.2 core schema's resolution of a plain scalar.</summary>
    private static JsonNode? TypePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (CoreInteger().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonValue.Create(whole);
            }

            return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large)
                ? JsonValue.Create(large)
                : JsonValue.Create(text);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexInteger().IsMatch(text)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
            && hex >= 0)
        {
            return JsonValue.Create(hex);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalInteger().IsMatch(text))
        {
            try
            {
                return JsonValue.Create(Convert.ToInt64(text[2..], 8));
            }
            catch (OverflowException)
            {
                return JsonValue.Create(text);
            }
        }

        if (CoreFloat().IsMatch(text))
        {
            // decimal keeps `0.01` exact for range checks; a magnitude decimal cannot hold falls back to double.
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return JsonValue.Create(exact);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate)
                && double.IsFinite(approximate))
            {
                return JsonValue.Create(approximate);
            }
        }

        // `.inf` and `.nan` are core-schema floats, but JSON has no such numbers: they stay text.
        return JsonValue.Create(text);
    }

    private static FormatException Error(ParsingEvent at, string what) =>
        new($"The spec is not valid YAML (line {at.Start.Line}, column {at.Start.Column}): {what}.");

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (Line: ...): "; the caller says where.</summary>
    private static string WithoutLocation(string message)
    {
        if (!message.StartsWith('('))
        {
            return message;
        }

        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return end < 0 ? message : message[(end + 3)..];
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexInteger();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreFloat();
}
