namespace Checkout;

/// <summary>
/// The supplier step k pays: a US parts supplier with a USD bank account. The account is the sandbox's test account
/// (sandbox/README.md: a USD account look-up with any code and number, and a country, answers "Sandbox Account
/// Holder"), so the sample uses it only against a sandbox on this machine; a real server would look up, and pay, a
/// real account. None of these values is a secret, but the sample shows only the account's last four digits.
/// </summary>
internal static class TestSupplier
{
    /// <summary>The holder's name the invoice gives, and the one the sandbox's bank look-up answers.</summary>
    public const string HolderName = "Sandbox Account Holder";

    /// <summary>The holder's first name, as a transfer recipient takes it.</summary>
    public const string FirstName = "Sandbox";

    /// <summary>The holder's last name, as a transfer recipient takes it.</summary>
    public const string LastName = "Account Holder";

    /// <summary>The supplier's account number at its US bank.</summary>
    public const string AccountNumber = "4400123456";

    /// <summary>The bank's code.</summary>
    public const string BankCode = "SBXUSB";

    /// <summary>The bank's ABA routing number.</summary>
    public const string RoutingNumber = "123456789";

    /// <summary>The bank's SWIFT/BIC.</summary>
    public const string SwiftCode = "SBXUUS33";

    /// <summary>The bank's country.</summary>
    public const string Country = "US";

    /// <summary>What the invoice asks for, in US dollars.</summary>
    public const decimal InvoiceUsd = 120.00m;

    /// <summary>The last four digits of the account: all of the number the sample shows.</summary>
    public static string MaskedAccount => "****" + AccountNumber[^4..];
}
