using System.Text;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>What kind of card data a <c>[CardData]</c> member holds, judged from its name.</summary>
internal enum CardDataKind
{
    Other,
    Number,
    ExpiryMonth,
    ExpiryYear,
}

/// <summary>Reads the kind of a card-data member from its name (only for members already marked <c>[CardData]</c>).</summary>
internal static class CardDataNames
{
    public static CardDataKind KindOf(string memberName)
    {
        var name = Normalize(memberName);
        if (name.StartsWith("encrypted", System.StringComparison.Ordinal))
        {
            // Ciphertext: nothing to check in its value.
            return CardDataKind.Other;
        }

        if (name.Contains("cardnumber") || name is "pan" or "number" or "primaryaccountnumber" or "cardno")
        {
            return CardDataKind.Number;
        }

        if (name.Contains("month") && (name.Contains("exp")))
        {
            return CardDataKind.ExpiryMonth;
        }

        if (name.Contains("year") && (name.Contains("exp")))
        {
            return CardDataKind.ExpiryYear;
        }

        return CardDataKind.Other;
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
