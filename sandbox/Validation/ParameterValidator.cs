using System.Globalization;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// Checks one query or header parameter: its text is read as the type its schema names (integers and numbers in
/// the invariant culture), then checked by <see cref="SchemaValidator"/> under the parameter's own name.
/// </summary>
internal static class ParameterValidator
{
    public static IReadOnlyList<FieldError> Check(ParameterRule rule, string? text)
    {
        var name = rule.Parameter.Name;
        if (text is null)
        {
            return rule.Parameter.Required ? [new FieldError(name, "is required")] : [];
        }

        if (rule.Schema is not { } schema)
        {
            return [];
        }

        var types = schema.EffectiveTypes;
        JsonNode value;
        if (types == JsonTypes.None || types.HasFlag(JsonTypes.String))
        {
            value = JsonValue.Create(text);
        }
        else if (types.HasFlag(JsonTypes.Integer) && !types.HasFlag(JsonTypes.Number))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                value = JsonValue.Create(whole);
            }
            else
            {
                // All digits but past Int64 is an integer, just not one the sandbox takes.
                var digits = text.TrimStart('-', '+');
                return [new FieldError(name, digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "is out of range" : "must be an integer")];
            }
        }
        else if (types.HasFlag(JsonTypes.Number))
        {
            const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
            if (!decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out var number))
            {
                return [new FieldError(name, "must be a number")];
            }

            value = JsonValue.Create(number);
        }
        else if (types.HasFlag(JsonTypes.Boolean))
        {
            if (text is not ("true" or "false"))
            {
                return [new FieldError(name, "must be true or false")];
            }

            value = JsonValue.Create(text == "true");
        }
        else
        {
            // Object and array parameters (style/explode serialisations) are not used by the spec; not checked.
            return [];
        }

        return SchemaValidator.Validate(schema, value, name);
    }
}
