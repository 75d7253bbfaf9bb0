namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// Turns card data into text that is safe to log: at most the last four characters of a card number survive.
/// </summary>
/// <remarks>The code fix for rule FLW0001 (card data written to a log) wraps the logged value in <see cref="Mask(string?)"/>.</remarks>
public static class CardDataMask
{
    /// <summary>
    /// Masks a card-data value: a value of 12 characters or more (a card number) keeps its last four characters
    /// behind <c>****</c>; anything shorter (CVV, PIN, expiry) is masked entirely.
    /// </summary>
    /// <param name="value">The card-data value.</param>
    /// <returns><c>****</c> plus at most the last four characters; an empty string for a missing value.</returns>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.Length >= 12 ? "****" + value.Substring(value.Length - 4) : "****";
    }

    /// <summary>Masks a numeric card-data value (an expiry month or year held as a number) entirely.</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>****</c>, or an empty string for a missing value.</returns>
    public static string Mask(int? value) => value is null ? string.Empty : "****";
}
