using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// Reads the schemas of one spec into <see cref="SchemaRule"/>s. Each schema is read once, keyed by its JSON pointer,
/// so references to it (and cycles through it) share one rule.
/// </summary>
internal sealed class SchemaReader
{
    private readonly SpecReferences references;
    private readonly Dictionary<string, SchemaRule> read = new(StringComparer.Ordinal);

    public SchemaReader(SpecReferences references) => this.references = references;

    /// <summary>The rule for the schema <paramref name="node"/> written at <paramref name="pointer"/>.</summary>
    /// <exception cref="FormatException">The schema, or one it refers to, is broken.</exception>
    public SchemaRule Read(JsonNode? node, string pointer)
    {
        if (read.TryGetValue(pointer, out var known))
        {
            return known;
        }

        // Registered before it is filled in, so a schema that refers back to itself finds this instance.
        var rule = new SchemaRule(pointer);
        read[pointer] = rule;
        switch (node)
        {
            case JsonObject schema:
                Fill(rule, schema, pointer);
                break;
            case JsonValue when JsonScalar.Of(node) is { Kind: JsonKind.Boolean } boolean:
                rule.RejectsEverything = !boolean.Boolean;
                break;
            default:
                throw Broken(pointer, "a schema must be a mapping or a boolean");
        }

        return rule;
    }

    private void Fill(SchemaRule rule, JsonObject schema, string pointer)
    {
        if (schema.TryGetPropertyValue("$ref", out var reference))
        {
            var at = SpecReferences.Append(pointer, "$ref");
            var (target, targetPointer) = references.Resolve(SpecReferences.RequireString(reference, at), at);
            rule.Reference = Read(target, targetPointer);
        }

        rule.Types = ReadTypes(schema, pointer);
        if (schema.TryGetPropertyValue("nullable", out var nullable) && ReadBoolean(nullable, pointer, "nullable")
            && rule.Types != JsonTypes.None)
        {
            // OpenAPI 3.0: `nullable: true` adds null to the declared type (and means nothing without one).
            rule.Types |= JsonTypes.Null;
        }

        ReadObjectKeywords(rule, schema, pointer);
        ReadArrayKeywords(rule, schema, pointer);
        ReadStringKeywords(rule, schema, pointer);
        ReadNumberKeywords(rule, schema, pointer);

        if (schema.TryGetPropertyValue("enum", out var values))
        {
            if (values is not JsonArray list)
            {
                throw Broken(pointer, "'enum' must be a list");
            }

            rule.Enum = list.Select(ToElement).ToArray();
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            rule.Const = ToElement(constant);
        }

        if (schema.TryGetPropertyValue("format", out var format))
        {
            rule.Format = SpecReferences.RequireString(format, SpecReferences.Append(pointer, "format"));
        }

        rule.AllOf = ReadSchemaList(schema, pointer, "allOf");
        rule.AnyOf = ReadSchemaList(schema, pointer, "anyOf");
        rule.OneOf = ReadSchemaList(schema, pointer, "oneOf");
        if (schema.TryGetPropertyValue("not", out var not))
        {
            rule.Not = Read(not, SpecReferences.Append(pointer, "not"));
        }
    }

    private static JsonTypes ReadTypes(JsonObject schema, string pointer)
    {
        if (!schema.TryGetPropertyValue("type", out var type))
        {
            return JsonTypes.None;
        }

        if (type is JsonArray names)
        {
            // OpenAPI 3.1: `type: [string, 'null']`. A bare YAML `null` in the list is read as the name too.
            var types = JsonTypes.None;
            foreach (var name in names)
            {
                types |= name is null ? JsonTypes.Null : TypeNamed(SpecReferences.RequireString(name, pointer), pointer);
            }

            return types;
        }

        return TypeNamed(SpecReferences.RequireString(type, SpecReferences.Append(pointer, "type")), pointer);
    }

    private static JsonTypes TypeNamed(string name, string pointer) => name switch
    {
        "string" => JsonTypes.String,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "null" => JsonTypes.Null,
        _ => throw Broken(pointer, $"'{name}' is not a JSON Schema type"),
    };

    private void ReadObjectKeywords(SchemaRule rule, JsonObject schema, string pointer)
    {
        if (schema.TryGetPropertyValue("properties", out var properties))
        {
            if (properties is not JsonObject members)
            {
                throw Broken(pointer, "'properties' must be a mapping");
            }

            var at = SpecReferences.Append(pointer, "properties");
            rule.Properties = new Dictionary<string, SchemaRule>(StringComparer.Ordinal);
            foreach (var (name, member) in members)
            {
                rule.Properties[name] = Read(member, SpecReferences.Append(at, name));
            }
        }

        if (schema.TryGetPropertyValue("required", out var required))
        {
            if (required is not JsonArray names)
            {
                throw Broken(pointer, "'required' must be a list of names");
            }

            rule.Required = names.Select(n => SpecReferences.RequireString(n, SpecReferences.Append(pointer, "required"))).ToArray();
        }

        if (schema.TryGetPropertyValue("additionalProperties", out var additional))
        {
            var at = SpecReferences.Append(pointer, "additionalProperties");
            if (additional is JsonObject)
            {
                rule.AdditionalProperties = Read(additional, at);
            }
            else
            {
                // `true` (or a YAML null) allows any member, which is also what leaving it out does.
                rule.AdditionalPropertiesForbidden = additional is not null && !ReadBoolean(additional, pointer, "additionalProperties");
            }
        }

        if (schema.TryGetPropertyValue("patternProperties", out var patterns))
        {
            if (patterns is not JsonObject byPattern)
            {
                throw Broken(pointer, "'patternProperties' must be a mapping");
            }

            var at = SpecReferences.Append(pointer, "patternProperties");
            rule.PatternProperties = byPattern
                .Select(p => (Compile(p.Key, pointer), Read(p.Value, SpecReferences.Append(at, p.Key))))
                .ToArray();
        }
    }

    private void ReadArrayKeywords(SchemaRule rule, JsonObject schema, string pointer)
    {
        if (schema.TryGetPropertyValue("items", out var items))
        {
            if (items is JsonArray)
            {
                throw Broken(pointer, "'items' must be one schema (tuple forms are not supported)");
            }

            rule.Items = Read(items, SpecReferences.Append(pointer, "items"));
        }

        rule.MinItems = ReadCount(schema, pointer, "minItems");
        rule.MaxItems = ReadCount(schema, pointer, "maxItems");
        rule.UniqueItems = schema.TryGetPropertyValue("uniqueItems", out var unique) && ReadBoolean(unique, pointer, "uniqueItems");
    }

    private static void ReadStringKeywords(SchemaRule rule, JsonObject schema, string pointer)
    {
        rule.MinLength = ReadCount(schema, pointer, "minLength");
        rule.MaxLength = ReadCount(schema, pointer, "maxLength");
        if (schema.TryGetPropertyValue("pattern", out var pattern))
        {
            rule.PatternText = SpecReferences.RequireString(pattern, SpecReferences.Append(pointer, "pattern"));
            rule.Pattern = Compile(rule.PatternText, pointer);
        }
    }

    private static void ReadNumberKeywords(SchemaRule rule, JsonObject schema, string pointer)
    {
        rule.Minimum = ReadNumber(schema, pointer, "minimum");
        rule.Maximum = ReadNumber(schema, pointer, "maximum");

        // 3.0 writes `exclusiveMinimum: true` next to `minimum`; 3.1 (JSON Schema 2020-12) writes the bound itself.
        if (schema.TryGetPropertyValue("exclusiveMinimum", out var exclusiveMinimum)
            && JsonScalar.Of(exclusiveMinimum).Kind == JsonKind.Boolean)
        {
            if (ReadBoolean(exclusiveMinimum, pointer, "exclusiveMinimum") && rule.Minimum is { } bound)
            {
                rule.ExclusiveMinimum = bound;
                rule.Minimum = null;
            }
        }
        else
        {
            rule.ExclusiveMinimum = ReadNumber(schema, pointer, "exclusiveMinimum");
        }

        if (schema.TryGetPropertyValue("exclusiveMaximum", out var exclusiveMaximum)
            && JsonScalar.Of(exclusiveMaximum).Kind == JsonKind.Boolean)
        {
            if (ReadBoolean(exclusiveMaximum, pointer, "exclusiveMaximum") && rule.Maximum is { } bound)
            {
                rule.ExclusiveMaximum = bound;
                rule.Maximum = null;
            }
        }
        else
        {
            rule.ExclusiveMaximum = ReadNumber(schema, pointer, "exclusiveMaximum");
        }

        rule.MultipleOf = ReadNumber(schema, pointer, "multipleOf");
        if (rule.MultipleOf <= 0)
        {
            throw Broken(pointer, "'multipleOf' must be greater than 0");
        }
    }

    private IReadOnlyList<SchemaRule>? ReadSchemaList(JsonObject schema, string pointer, string keyword)
    {
        if (!schema.TryGetPropertyValue(keyword, out var list))
        {
            return null;
        }

        if (list is not JsonArray { Count: > 0 } schemas)
        {
            throw Broken(pointer, $"'{keyword}' must be a non-empty list of schemas");
        }

        var at = SpecReferences.Append(pointer, keyword);
        return schemas.Select((s, i) => Read(s, SpecReferences.Append(at, i))).ToArray();
    }

    private static int? ReadCount(JsonObject schema, string pointer, string keyword)
    {
        if (!schema.TryGetPropertyValue(keyword, out var node))
        {
            return null;
        }

        return JsonScalar.Of(node).Number is { } number && number >= 0 && number <= int.MaxValue && decimal.Truncate(number) == number
            ? (int)number
            : throw Broken(pointer, $"'{keyword}' must be a whole number, 0 or more");
    }

    private static decimal? ReadNumber(JsonObject schema, string pointer, string keyword)
    {
        if (!schema.TryGetPropertyValue(keyword, out var node))
        {
            return null;
        }

        var value = JsonScalar.Of(node);
        return value.Kind != JsonKind.Number
            ? throw Broken(pointer, $"'{keyword}' must be a number")
            : value.Number ?? throw Broken(pointer, $"'{keyword}' is outside the range the sandbox supports (±7.9e28)");
    }

    private static bool ReadBoolean(JsonNode? node, string pointer, string keyword) =>
        JsonScalar.Of(node) is { Kind: JsonKind.Boolean } value
            ? value.Boolean
            : throw Broken(pointer, $"'{keyword}' must be true or false");

    private static Regex Compile(string pattern, string pointer)
    {
        try
        {
            return PatternCache.Get(pattern);
        }
        catch (ArgumentException ex)
        {
            throw Broken(pointer, $"the pattern '{pattern}' is not a valid regular expression ({ex.Message})");
        }
    }

    private static JsonElement ToElement(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private static FormatException Broken(string pointer, string what) => new($"The spec's schema at {pointer} is broken: {what}.");
}
