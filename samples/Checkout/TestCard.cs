namespace Checkout;

/// <summary>
/// The test card every card step uses: a Luhn-valid test number, never a real card. These values are only ever given
/// to the client's plaintext card members, which encrypt them before anything leaves the process; the sample never
/// prints them (it shows the last four digits, as the API returns them).
/// </summary>
internal static class TestCard
{
    /// <summary>A Mastercard test number (passes the Luhn check).</summary>
    public const string Number = "5531886652142950";

    /// <summary>The security code.</summary>
    public const string Cvv = "564";

    /// <summary>Expiry month, two digits.</summary>
    public const string ExpiryMonth = "09";

    /// <summary>Expiry year, two digits (2032: in the future, as FLW0007 wants).</summary>
    public const string ExpiryYear = "32";

    /// <summary>The PIN the card asks for in the <c>auth_pin</c> scenario.</summary>
    public const string Pin = "3310";

    /// <summary>The name printed on the card.</summary>
    public const string HolderName = "Ada Lovelace";

    /// <summary>The last four digits: all of the number the sample ever shows.</summary>
    public static string Last4 => Number[^4..];
}
