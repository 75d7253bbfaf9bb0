namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>A bank payouts can go to.</summary>
internal sealed record BankInfo(string Id, string Code, string Name, string Country, IReadOnlyList<BranchInfo> Branches);

/// <summary>A branch of a bank.</summary>
internal sealed record BranchInfo(string Id, string Code, string Name, string? SwiftCode, string? Bic);

/// <summary>
/// The banks the sandbox knows (sandbox choice; the Nigerian ids and codes and the Ghanaian bank and branches are the
/// ones the spec and Flutterwave's test data use). Countries without banks here answer an empty list.
/// </summary>
internal static class BankDirectory
{
    public static readonly IReadOnlyList<BankInfo> All =
    [
        new("44", "044", "Access Bank", "NG", []),
        new("58", "058", "Guaranty Trust Bank", "NG", []),
        new("57", "057", "Zenith Bank", "NG", []),
        new("33", "033", "United Bank for Africa", "NG", []),
        new("130", "GH010100", "Ecobank Ghana", "GH",
        [
            new("1324", "GH010101", "Ecobank Ghana - Accra Main", "ECOCGHAC", "ECOCGHACXXX"),
            new("1325", "GH010102", "Ecobank Ghana - Kumasi", null, null),
        ]),
        new("201", "01", "KCB Bank Kenya", "KE", []),
        new("268", "68", "Equity Bank Kenya", "KE", []),
        new("301", "UG130100", "Stanbic Bank Uganda", "UG",
        [
            new("3011", "UG130101", "Stanbic Bank Uganda - Kampala Main", "SBICUGKX", "SBICUGKXXXX"),
        ]),
        new("401", "051001", "Standard Bank South Africa", "ZA", []),
        new("402", "632005", "Absa Bank", "ZA", []),
    ];

    /// <summary>The country whose banks a bank payout in this currency uses, for the currencies the sandbox holds banks of.</summary>
    private static readonly Dictionary<string, string> CountryOfCurrency = new(StringComparer.Ordinal)
    {
        ["NGN"] = "NG",
        ["GHS"] = "GH",
        ["KES"] = "KE",
        ["UGX"] = "UG",
        ["ZAR"] = "ZA",
    };

    public static IEnumerable<BankInfo> InCountry(string country) => All.Where(b => b.Country == country);

    public static BankInfo? ById(string? id) => All.FirstOrDefault(b => b.Id == id);

    /// <summary>
    /// False when the sandbox lists banks for the currency's country and none has <paramref name="code"/>; true
    /// otherwise (including currencies it has no bank list for, which it cannot check).
    /// </summary>
    public static bool IsKnownCode(string currency, string? code) =>
        !CountryOfCurrency.TryGetValue(currency, out var country) || InCountry(country).Any(b => b.Code == code);
}
