using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// Checks a <see cref="JsonNode"/> against a <see cref="SchemaRule"/>: the JSON Schema subset OpenAPI 3.0 and 3.1
/// specs use. Built for hostile input: it never throws, never recurses deeper than <see cref="MaxDepth"/> levels of
/// the value, stops at <see cref="MaxErrors"/> errors, and no message repeats the value it is about.
/// </summary>
internal sealed class SchemaValidator
{
    /// <summary>Objects and arrays nested deeper than this are refused as a whole.</summary>
    public const int MaxDepth = 32;

    /// <summary>At most this many errors come back.</summary>
    public const int MaxErrors = 50;

    /// <summary>
    /// The length a string may have when no schema that applies to it declares <c>maxLength</c>, counted in UTF-16
    /// characters (it guards memory and log sizes, so it counts storage, not what a reader sees).
    /// </summary>
    public const int DefaultMaxLength = 4096;

    // Schema hops ($ref, allOf, ...) that do not step into the value; a spec whose references loop without
    // describing anything would otherwise recurse for ever.
    private const int MaxSteps = 256;

    private const int MaxListedValues = 10;

    private const string NotJsonMessage = "is not a valid JSON value";

    // Long strings that a schema with its own maxLength checked: the default cap does not apply to them.
    private readonly HashSet<JsonNode> lengthDeclared = new(ReferenceEqualityComparer.Instance);

    private SchemaValidator()
    {
    }

    /// <summary>The errors of <paramref name="value"/> against <paramref name="rule"/> (null: any value).</summary>
    /// <param name="rule">The schema, or null when the spec gives none.</param>
    /// <param name="value">The value; null is JSON null.</param>
    /// <param name="rootName">The field name of errors about the value as a whole: <c>body</c> or a parameter name.</param>
    public static IReadOnlyList<FieldError> Validate(SchemaRule? rule, JsonNode? value, string rootName)
    {
        var root = FieldPath.Root(rootName);
        var errors = new ErrorCollector(MaxErrors);
        var scan = ValueScan.Run(value, root, errors);
        if (!scan.CanValidate)
        {
            return errors.ToList();
        }

        var validator = new SchemaValidator();
        if (rule is not null)
        {
            validator.Check(rule, value, root, errors, 0);
        }

        foreach (var path in scan.NotJson)
        {
            errors.Add(path, NotJsonMessage);
        }

        foreach (var (node, path) in scan.LongStrings)
        {
            // One message per field is enough: a number given as a 5000-character string is "must be a number".
            if (!validator.lengthDeclared.Contains(node) && !errors.HasErrorAt(path.ToString()))
            {
                errors.Add(path, LengthMessage(null, DefaultMaxLength));
            }
        }

        return errors.ToList();
    }

    private void Check(SchemaRule rule, JsonNode? node, FieldPath path, ErrorCollector errors, int steps)
    {
        if (errors.IsFull)
        {
            return;
        }

        if (steps > MaxSteps)
        {
            errors.Add(path, "has a schema too deeply layered to check");
            return;
        }

        if (rule.RejectsEverything)
        {
            errors.Add(path, "is not allowed");
            return;
        }

        var value = JsonScalar.Of(node);
        if (value.Kind == JsonKind.Unsupported)
        {
            errors.Add(path, NotJsonMessage);
            return;
        }

        if (rule.Reference is { } referenced)
        {
            Check(referenced, node, path, errors, steps + 1);
        }

        if (!CheckType(rule, value, path, errors))
        {
            return;
        }

        CheckEnumAndConst(rule, node, value, path, errors);
        switch (value.Kind)
        {
            case JsonKind.String:
                CheckString(rule, node!, value.Text!, path, errors);
                break;
            case JsonKind.Number:
                CheckNumber(rule, value.Number, path, errors);
                break;
            case JsonKind.Object:
                CheckObject(rule, (JsonObject)node!, path, errors, steps);
                break;
            case JsonKind.Array:
                CheckArray(rule, (JsonArray)node!, path, errors, steps);
                break;
        }

        CheckCombinations(rule, node, path, errors, steps);
    }

    private static bool CheckType(SchemaRule rule, JsonScalar value, FieldPath path, ErrorCollector errors)
    {
        var types = rule.Types;
        if (types == JsonTypes.None)
        {
            return true;
        }

        var matches = value.Kind switch
        {
            JsonKind.Null => types.HasFlag(JsonTypes.Null),
            JsonKind.String => types.HasFlag(JsonTypes.String),
            JsonKind.Boolean => types.HasFlag(JsonTypes.Boolean),
            JsonKind.Object => types.HasFlag(JsonTypes.Object),
            JsonKind.Array => types.HasFlag(JsonTypes.Array),
            JsonKind.Number => types.HasFlag(JsonTypes.Number)
                || (types.HasFlag(JsonTypes.Integer) && (value.Number is not { } n || decimal.Truncate(n) == n)),
            _ => false,
        };
        if (!matches)
        {
            errors.Add(path, TypeMessage(types));
            return false;
        }

        if (value.Kind == JsonKind.Number && (value.Number is not { } number
            || (!types.HasFlag(JsonTypes.Number) && (number < long.MinValue || number > long.MaxValue))))
        {
            // Numbers past decimal's range (±7.9e28), and integers past Int64, are more than any field of the API
            // can mean; refusing them here spares the endpoints an overflow.
            errors.Add(path, "is out of range");
            return false;
        }

        return true;
    }

    private static void CheckEnumAndConst(SchemaRule rule, JsonNode? node, JsonScalar value, FieldPath path, ErrorCollector errors)
    {
        if (rule.Enum is { } allowed && !allowed.Any(e => JsonScalar.JsonEquals(node, value, e)))
        {
            errors.Add(path, allowed.Count <= MaxListedValues && allowed.All(IsShortScalar)
                ? "must be one of: " + string.Join(", ", allowed.Select(Show))
                : "must be one of the allowed values");
        }

        if (rule.Const is { } constant && !JsonScalar.JsonEquals(node, value, constant))
        {
            errors.Add(path, IsShortScalar(constant) ? "must be " + Show(constant) : "must equal the fixed value");
        }
    }

    private void CheckString(SchemaRule rule, JsonNode node, string text, FieldPath path, ErrorCollector errors)
    {
        if (rule.MaxLength is not null && text.Length > DefaultMaxLength)
        {
            lengthDeclared.Add(node);
        }

        // minLength/maxLength count text elements (what a reader sees as one character: "é" written as e + U+0301,
        // or an emoji, is one), so a name is not refused for how it is encoded. A string never has more text
        // elements than UTF-16 characters, which settles most checks without counting.
        int? elements = null;
        int Elements() => elements ??= new StringInfo(text).LengthInTextElements;
        var tooShort = rule.MinLength is { } min && (text.Length < min || Elements() < min);
        var tooLong = rule.MaxLength is { } max && text.Length > max && Elements() > max;
        if (tooShort || tooLong)
        {
            errors.Add(path, LengthMessage(rule.MinLength, rule.MaxLength));
        }

        if (rule.Pattern is { } pattern && !PatternCache.IsMatch(pattern, text))
        {
            errors.Add(path, "must match the pattern " + rule.PatternText);
        }

        if (rule.Format is { } format && ValueFormats.Check(format, text) is { } message)
        {
            errors.Add(path, message);
        }
    }

    private static void CheckNumber(SchemaRule rule, decimal? value, FieldPath path, ErrorCollector errors)
    {
        if (value is not { } number)
        {
            if (rule.HasNumberKeywords)
            {
                errors.Add(path, "is out of range");
            }

            return;
        }

        if (rule.Minimum is { } minimum && number < minimum)
        {
            errors.Add(path, "must be at least " + Show(minimum));
        }

        if (rule.ExclusiveMinimum is { } above && number <= above)
        {
            errors.Add(path, "must be greater than " + Show(above));
        }

        if (rule.Maximum is { } maximum && number > maximum)
        {
            errors.Add(path, "must be at most " + Show(maximum));
        }

        if (rule.ExclusiveMaximum is { } below && number >= below)
        {
            errors.Add(path, "must be less than " + Show(below));
        }

        if (rule.MultipleOf is { } step && !IsMultiple(number, step))
        {
            errors.Add(path, "must be a multiple of " + Show(step));
        }
    }

    private void CheckObject(SchemaRule rule, JsonObject obj, FieldPath path, ErrorCollector errors, int steps)
    {
        foreach (var name in rule.Required)
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add(path.Member(name), "is required");
            }
        }

        foreach (var (name, member) in obj)
        {
            if (errors.IsFull)
            {
                return;
            }

            var described = false;
            if (rule.Properties is { } properties && properties.TryGetValue(name, out var property))
            {
                described = true;
                Check(property, member, path.Member(name), errors, steps + 1);
            }

            foreach (var (pattern, schema) in rule.PatternProperties ?? Array.Empty<(System.Text.RegularExpressions.Regex, SchemaRule)>())
            {
                if (PatternCache.IsMatch(pattern, name))
                {
                    described = true;
                    Check(schema, member, path.Member(name), errors, steps + 1);
                }
            }

            if (described)
            {
                continue;
            }

            if (rule.AdditionalPropertiesForbidden)
            {
                errors.Add(path.Member(name), "is not allowed");
            }
            else if (rule.AdditionalProperties is { } additional)
            {
                Check(additional, member, path.Member(name), errors, steps + 1);
            }
        }
    }

    private void CheckArray(SchemaRule rule, JsonArray array, FieldPath path, ErrorCollector errors, int steps)
    {
        if (rule.MinItems is { } min && array.Count < min)
        {
            errors.Add(path, $"must have at least {Items(min)}");
        }

        if (rule.MaxItems is { } max && array.Count > max)
        {
            errors.Add(path, $"must have at most {Items(max)}");
        }

        if (rule.UniqueItems && HasDuplicates(array))
        {
            errors.Add(path, "must not contain the same item twice");
        }

        if (rule.Items is { } items)
        {
            for (var i = 0; i < array.Count && !errors.IsFull; i++)
            {
                Check(items, array[i], path.Item(i), errors, steps + 1);
            }
        }
    }

    private void CheckCombinations(SchemaRule rule, JsonNode? node, FieldPath path, ErrorCollector errors, int steps)
    {
        foreach (var schema in rule.AllOf ?? Array.Empty<SchemaRule>())
        {
            Check(schema, node, path, errors, steps + 1);
        }

        // anyOf and oneOf say one thing about the field, not the errors of every branch that did not fit.
        if (rule.AnyOf is { } any && !any.Any(schema => Passes(schema, node, path, steps)))
        {
            errors.Add(path, "does not match any of the allowed forms");
        }

        if (rule.OneOf is { } one && one.Where(schema => Passes(schema, node, path, steps)).Take(2).Count() != 1)
        {
            errors.Add(path, "must match exactly one of the allowed forms");
        }

        if (rule.Not is { } not && Passes(not, node, path, steps))
        {
            errors.Add(path, "must not match the excluded form");
        }
    }

    private bool Passes(SchemaRule rule, JsonNode? node, FieldPath path, int steps)
    {
        var probe = new ErrorCollector(1);
        Check(rule, node, path, probe, steps + 1);
        return probe.Count == 0;
    }

    private static bool HasDuplicates(JsonArray array)
    {
        var seen = new HashSet<(JsonKind, decimal?, string?, bool)>();
        foreach (var item in array)
        {
            var value = JsonScalar.Of(item);
            string? text = value.Text;
            if (value.Kind is JsonKind.Object or JsonKind.Array or JsonKind.Unsupported
                || (value.Kind == JsonKind.Number && value.Number is null))
            {
                try
                {
                    text = item?.ToJsonString();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    continue;
                }
            }

            if (!seen.Add((value.Kind, value.Number, text, value.Boolean)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMultiple(decimal number, decimal step)
    {
        try
        {
            return number % step == 0;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static string TypeMessage(JsonTypes types)
    {
        var names = new List<string>();
        if (types.HasFlag(JsonTypes.String))
        {
            names.Add("a string");
        }

        if (types.HasFlag(JsonTypes.Number))
        {
            names.Add("a number");
        }
        else if (types.HasFlag(JsonTypes.Integer))
        {
            names.Add("an integer");
        }

        if (types.HasFlag(JsonTypes.Boolean))
        {
            names.Add("a boolean");
        }

        if (types.HasFlag(JsonTypes.Object))
        {
            names.Add("an object");
        }

        if (types.HasFlag(JsonTypes.Array))
        {
            names.Add("an array");
        }

        if (types.HasFlag(JsonTypes.Null))
        {
            names.Add("null");
        }

        return names.Count == 1
            ? "must be " + names[0]
            : "must be " + string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    /// <summary>The length rule as one message: "must be 12 to 255 characters long", "must be exactly 12 ...".</summary>
    internal static string LengthMessage(int? min, int? max) => (min, max) switch
    {
        ({ } low, { } high) when low == high => $"must be exactly {Characters(low)} long",
        ({ } low, { } high) => $"must be {low} to {high} characters long",
        ({ } low, null) => $"must be at least {Characters(low)} long",
        (null, { } high) => $"must be at most {Characters(high)} long",
        _ => "has the wrong length",
    };

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count} characters";

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    private static string Show(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    private static bool IsShortScalar(JsonElement element) =>
        element.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            or JsonValueKind.Null
        && element.GetRawText().Length <= 40;

    private static string Show(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText();
}
