namespace Flutterwave.Sandbox.Api;

/// <summary>Why a payout provider refused a transfer: the transfer's <c>provider_response</c>.</summary>
internal sealed record ProviderFailure(string Type, string Code, string Message)
{
    public static readonly ProviderFailure AmountAboveLimit = new("transfer_amount_exceeds_limit", "0301", "DISBURSE FAILED: Transfer amount is above the allowed limit");
    public static readonly ProviderFailure AmountBelowLimit = new("transfer_amount_below_limit", "0302", "DISBURSE FAILED: Transfer amount is below the allowed limit");
    public static readonly ProviderFailure MonthlyLimit = new("monthly_transfer_limit_exceeded", "0303", "DISBURSE FAILED: Monthly transfer limit exceeded");
    public static readonly ProviderFailure DailyLimit = new("daily_transfer_limit_exceeded", "0304", "DISBURSE FAILED: Daily transfer limit exceeded");
    public static readonly ProviderFailure PayoutCreation = new("payout_creation_failed", "0306", "DISBURSE FAILED: Payout could not be created, retry");
    public static readonly ProviderFailure InsufficientBalance = new("insufficient_balance", "0307", "DISBURSE FAILED: Insufficient wallet balance");
    public static readonly ProviderFailure ServiceUnavailable = new("service_unavailable", "0308", "DISBURSE FAILED: The bank or network is unavailable");
    public static readonly ProviderFailure TransferFailed = new("transfer_failed", "0309", "DISBURSE FAILED: The receiving account could not be credited");
    public static readonly ProviderFailure NoConversion = new("currency_conversion_not_set", "0311", "DISBURSE FAILED: No rate is set for this currency pair");
    public static readonly ProviderFailure InvalidBankCode = new("invalid_bank_code", "0313", "DISBURSE FAILED: Invalid bank code");

    // Flutterwave documents no code for this type; 0315 is the sandbox's (issue 13 note).
    public static readonly ProviderFailure InvalidWalletCurrency = new("invalid_wallet_currency", "0315", "DISBURSE FAILED: The wallet holds no balance in this currency");
}

/// <summary>
/// A parsed payout <c>X-Scenario-Key</c> (<c>scenario:&lt;outcome&gt;</c>), read by the operations in
/// <see cref="Operations"/>: the 26 values of Flutterwave's payout testing page, each mapped to a sandbox outcome.
/// </summary>
internal sealed record PayoutScenario(string Name)
{
    /// <summary>The operations that read payout scenarios; every other operation that reads the header reads payment ones.</summary>
    public static readonly IReadOnlySet<string> Operations =
        new HashSet<string>(StringComparer.Ordinal) { "createTransfer", "retryTransfer", "createDirectTransfer", "resolveBankAccount" };

    private static readonly Dictionary<string, ProviderFailure?> Outcomes = new(StringComparer.Ordinal)
    {
        ["successful"] = null,
        ["insufficient_balance"] = ProviderFailure.InsufficientBalance,
        ["amount_exceed_limit_error"] = ProviderFailure.AmountAboveLimit,
        ["currency_amount_exceed_limit"] = ProviderFailure.AmountAboveLimit,
        ["amount_below_limit_error"] = ProviderFailure.AmountBelowLimit,
        ["currency_amount_below_limit"] = ProviderFailure.AmountBelowLimit,
        ["month_limit_error"] = ProviderFailure.MonthlyLimit,
        ["month_transfer_limit_exceeded"] = ProviderFailure.MonthlyLimit,
        ["day_limit_error"] = ProviderFailure.DailyLimit,
        ["day_transfer_limit_exceeded"] = ProviderFailure.DailyLimit,
        ["payout_creation_error"] = ProviderFailure.PayoutCreation,
        ["blocked_bank"] = ProviderFailure.ServiceUnavailable,
        ["disabled_transfer"] = ProviderFailure.ServiceUnavailable,
        ["unavailable_transfer_option"] = ProviderFailure.ServiceUnavailable,
        ["account_resolved_failed"] = ProviderFailure.TransferFailed,
        ["no_account_found"] = ProviderFailure.TransferFailed,
        ["invalid_payouts"] = ProviderFailure.TransferFailed,
        ["invalid_wallet_currency"] = ProviderFailure.InvalidWalletCurrency,
        ["invalid_currency"] = ProviderFailure.NoConversion,

        // Answered as errors, not as failed transfers (see Rejection).
        ["duplicate_reference"] = null,
        ["invalid_amount"] = null,
        ["invalid_amount_validation"] = null,
        ["invalid_reference"] = null,
        ["invalid_reference_length"] = null,
        ["file_too_large"] = null,
        ["invalid_bulk_data"] = null,
    };

    public static PayoutScenario Default { get; } = new("successful");

    /// <summary>Parses the header; another name than <c>scenario</c>, or an unknown value, is a 400 listing what is accepted.</summary>
    public static PayoutScenario Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return Default;
        }

        var scenario = Default;
        foreach (var part in header.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || part[..colon] != "scenario")
            {
                throw ApiProblem.Invalid("X-Scenario-Key", "payout scenarios are written scenario:<outcome>, e.g. scenario:insufficient_balance");
            }

            var value = part[(colon + 1)..];
            if (!Outcomes.ContainsKey(value))
            {
                throw ApiProblem.Invalid("X-Scenario-Key", "scenario must be one of " + string.Join(", ", Outcomes.Keys));
            }

            scenario = new PayoutScenario(value);
        }

        return scenario;
    }

    /// <summary>The provider failure a transfer under this scenario ends with, or null when it goes through.</summary>
    public ProviderFailure? Failure => Outcomes.GetValueOrDefault(Name);

    /// <summary>
    /// The error a payout request under this scenario is answered with instead of a transfer, or null: a reused
    /// reference (409), or a request the provider rejects as invalid (400 naming the field).
    /// </summary>
    public ApiProblem? Rejection => Name switch
    {
        "duplicate_reference" => ApiProblem.Conflict("RESOURCE_CONFLICT", "A transfer with this reference already exists."),
        "invalid_amount" or "invalid_amount_validation" => ApiProblem.Invalid("payment_instruction.amount.value", "is not a valid amount for this payout"),
        "invalid_reference" or "invalid_reference_length" => ApiProblem.Invalid("reference", "is not a valid transfer reference"),
        "file_too_large" or "invalid_bulk_data" => ApiProblem.Invalid("body", "is not valid bulk payout data"),
        _ => null,
    };
}
