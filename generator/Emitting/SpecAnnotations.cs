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

    // Spec property names (lower case, '_' and '-' removed) that plainly hold card data. Masked forms such as
    // last4 and first6 are not card data. Encrypted counterparts the spec pairs with a nonce are marked elsewhere.
    private static readonly HashSet<string> CardDataNames = new()
    {
        "cardnumber", "pan", "primaryaccountnumber", "cardno",
        "cvv", "cvv2", "cvc", "cvc2", "cvn", "securitycode", "cardsecuritycode", "cardverificationvalue",
        "pin", "cardpin",
        "expirymonth", "expiryyear", "expmonth", "expyear", "expirationmonth", "expirationyear",
        "expirydate", "expirationdate", "cardexpiry",
    };

    /// <summary>Attribute lines for a property of an object schema (empty when the spec states nothing).</summary>
    public static string Property(ObjectModel owner, PropertyModel property, string indent)
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

        if (IsEncryptedField(owner, property))
        {
            builder.Append(indent).Append('[').Append(Namespace).Append("CardData(Ciphertext = true)]\n");
        }
        else if (IsPlainCardData(property))
        {
            builder.Append(indent).Append('[').Append(Namespace).Append("CardData]\n");
        }

        return builder.ToString();
    }

    /// <summary>The allowed-values attribute line for a generated enum.</summary>
    public static string Enum(EnumModel model, string indent) => model.Members.Count == 0
        ? string.Empty
        : indent + "[" + Namespace + "SpecAllowedValues(" + string.Join(", ", model.Members.Select(m => Literals.String(m.Value))) + ")]\n";

    /// <summary>The operation attribute line for a generated client method.</summary>
    public static string Operation(OperationModel operation, string indent) =>
        indent + "[" + Namespace + "ApiOperation(" + Literals.String(operation.HttpMethod) + ", " + Literals.String(operation.PathTemplate) + ", " + Literals.String(operation.OperationId) + ")]\n";

    /// <summary>Whether a property is one of its object's <c>encrypted_*</c> members (paired with a <c>nonce</c>).</summary>
    private static bool IsEncryptedField(ObjectModel owner, PropertyModel property) =>
        owner.EncryptedFields.Any(field => field.EncryptedJsonName == property.JsonName);

    /// <summary>Whether a property is plainly named like card data (card number, CVV, PIN, expiry) and holds a string or a number.</summary>
    private static bool IsPlainCardData(PropertyModel property)
    {
        if (property.Type.Kind is not (TypeKind.String or TypeKind.Int32 or TypeKind.Int64))
        {
            return false;
        }

        var normalized = Normalize(property.JsonName);
        if (normalized.StartsWith("encrypted", System.StringComparison.Ordinal))
        {
            normalized = normalized.Substring("encrypted".Length);
        }

        return CardDataNames.Contains(normalized);
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c != '_' && c != '-')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static bool IsNumber(TypeKind kind) => kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Double or TypeKind.Single;

    private static bool IsNumberText(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
