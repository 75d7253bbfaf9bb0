using System.Collections.Generic;
using System.Linq;
using System.Text;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Which members hold card data, for the <c>[CardData]</c> annotation the analyzers read (card data in logs):
/// members the encryption convention paired with a nonce are ciphertext; members plainly named like card data (card
/// number, CVV, PIN, expiry) that hold a string or a number are plaintext. Applies to every spec.
/// </summary>
internal static class CardDataConvention
{
    // Spec property names (lower case, '_' and '-' removed) that plainly hold card data. Masked forms such as
    // last4 and first6 are not card data.
    private static readonly HashSet<string> CardDataNames = new()
    {
        "cardnumber", "pan", "primaryaccountnumber", "cardno",
        "cvv", "cvv2", "cvc", "cvc2", "cvn", "securitycode", "cardsecuritycode", "cardverificationvalue",
        "pin", "cardpin",
        "expirymonth", "expiryyear", "expmonth", "expyear", "expirationmonth", "expirationyear",
        "expirydate", "expirationdate", "cardexpiry",
    };

    public static ObjectModel Apply(ObjectModel model)
    {
        var changed = false;
        var properties = new List<PropertyModel>(model.Properties.Count);
        foreach (var property in model.Properties)
        {
            var kind = model.Encryption?.Fields.Any(f => f.EncryptedJsonName == property.JsonName) == true ? CardDataKind.Ciphertext
                : IsPlainCardData(property) ? CardDataKind.Plain
                : CardDataKind.None;
            changed |= kind != property.CardData;
            properties.Add(kind == property.CardData ? property : property with { CardData = kind });
        }

        return changed ? model with { Properties = properties.ToEquatableArray() } : model;
    }

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
}
