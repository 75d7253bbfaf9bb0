using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// The attributes from <c>Flutterwave.Runtime.Annotations</c> that carry the spec's constraints onto generated
/// members (pattern, length, range, allowed values, the operation behind a method, card data), so the analyzers
/// can check user code against the spec without knowing any API by name.
/// </summary>
internal static class SpecAnnotations
{
    private const string Namespace = "global::Flutterwave.Runtime.Annotations.";

    /// <summary>Attribute lines for a property of an object schema (empty when the spec states nothing).</summary>
    public static string Property(PropertyModel property, string indent)
    {
        var builder = new StringBuilder();
        var constraints = property.Constraints;
        if (property.Type.Kind == TypeKind.String)
        {
            if (constraints.Pattern is { } pattern)
            {
                builder.Append(indent).Append('[').Append(Namespace).Append("SpecPattern(").Append(Literals.String(pattern)).Append(")]\n");
            }

            if (constraints.MinLength is not null || constraints.MaxLength is not null)
            {
                var named = new List<string>();
                if (constraints.MinLength is { } min)
                {
                    named.Add("MinLength = " + min.ToString(CultureInfo.InvariantCulture));
                }

                if (constraints.MaxLength is { } max)
                {
                    named.Add("MaxLength = " + max.ToString(CultureInfo.InvariantCulture));
                }

                builder.Append(indent).Append('[').Append(Namespace).Append("SpecLength(").Append(string.Join(", ", named)).Append(")]\n");
            }
        }
        else if (IsNumber(property.Type.Kind) && (IsNumberText(constraints.Minimum) || IsNumberText(constraints.Maximum)))
        {
            var named = new List<string>();
            if (IsNumberText(constraints.Minimum))
            {
                named.Add("Minimum = " + Literals.String(constraints.Minimum!));
                if (constraints.ExclusiveMinimum)
                {
                    named.Add("ExclusiveMinimum = true");
                }
            }

            if (IsNumberText(constraints.Maximum))
            {
                named.Add("Maximum = " + Literals.String(constraints.Maximum!));
                if (constraints.ExclusiveMaximum)
                {
                    named.Add("ExclusiveMaximum = true");
                }
            }

            builder.Append(indent).Append('[').Append(Namespace).Append("SpecRange(").Append(string.Join(", ", named)).Append(")]\n");
        }

        switch (property.CardData)
        {
            case CardDataKind.Ciphertext:
                builder.Append(indent).Append('[').Append(Namespace).Append("CardData(Ciphertext = true)]\n");
                break;
            case CardDataKind.Plain:
                builder.Append(indent).Append('[').Append(Namespace).Append("CardData]\n");
                break;
        }

        return builder.ToString();
    }

    /// <summary>The allowed-values attribute line for a generated enum.</summary>
    public static string Enum(EnumModel model, string indent) => model.Members.Count == 0
        ? string.Empty
        : indent + "[" + Namespace + "SpecAllowedValues(" + string.Join(", ", model.Members.Select(m => Literals.String(m.Value))) + ")]\n";

    /// <summary>The operation attribute line for a generated client method, and one line per header it fills from <c>RequestOptions</c>.</summary>
    public static string Operation(OperationModel operation, string indent)
    {
        var builder = new StringBuilder();
        builder.Append(indent).Append('[').Append(Namespace).Append("ApiOperation(").Append(Literals.String(operation.HttpMethod)).Append(", ")
            .Append(Literals.String(operation.PathTemplate)).Append(", ").Append(Literals.String(operation.OperationId)).Append(")]\n");
        var conventions = operation.Conventions ?? OperationConventionsModel.None;
        OptionHeader(builder, indent, "IdempotencyKey", conventions.IdempotencyKey);
        OptionHeader(builder, indent, "TraceId", conventions.TraceId);
        OptionHeader(builder, indent, "ScenarioKey", conventions.ScenarioKey);
        return builder.ToString();
    }

    private static void OptionHeader(StringBuilder builder, string indent, string option, OptionHeaderModel? header)
    {
        if (header is null)
        {
            return;
        }

        builder.Append(indent).Append('[').Append(Namespace).Append("OptionHeader(").Append(Literals.String(option)).Append(", ").Append(Literals.String(header.HeaderName));
        if (header.MinLength is { } min)
        {
            builder.Append(", MinLength = ").Append(min.ToString(CultureInfo.InvariantCulture));
        }

        if (header.MaxLength is { } max)
        {
            builder.Append(", MaxLength = ").Append(max.ToString(CultureInfo.InvariantCulture));
        }

        if (header.Pattern is { } pattern)
        {
            builder.Append(", Pattern = ").Append(Literals.String(pattern));
        }

        if (header.GenerateWhenMissing)
        {
            builder.Append(", Generated = true");
        }

        if (header.Required)
        {
            builder.Append(", Required = true");
        }

        builder.Append(")]\n");
    }

    private static bool IsNumber(TypeKind kind) => kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Double or TypeKind.Single;

    private static bool IsNumberText(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
