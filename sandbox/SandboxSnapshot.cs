namespace Flutterwave.Sandbox;

/// <summary>One stored object as a test sees it: identity, reference and state, never payment data.</summary>
/// <param name="Id">The object's id (<c>chg_...</c>, <c>ord_...</c>, ...).</param>
/// <param name="Reference">The merchant reference, where the object has one.</param>
/// <param name="Status">The current status, where the object has one.</param>
public sealed record SandboxRecord(string Id, string? Reference, string? Status);

/// <summary>A refund as a test sees it.</summary>
/// <param name="Id">The refund's id (<c>ref_...</c>).</param>
/// <param name="ChargeId">The charge it returns money from.</param>
/// <param name="Currency">The charge's currency.</param>
/// <param name="Amount">The amount refunded.</param>
/// <param name="Status">Its status (<c>new</c>, then <c>succeeded</c>).</param>
/// <param name="SettlementId">The settlement it was deducted from, once it was.</param>
public sealed record SandboxRefund(string Id, string ChargeId, string Currency, decimal Amount, string Status, string? SettlementId);

/// <summary>A chargeback as a test sees it.</summary>
/// <param name="Id">The chargeback's id (<c>chb_...</c>).</param>
/// <param name="ChargeId">The disputed charge.</param>
/// <param name="Amount">The disputed amount.</param>
/// <param name="Status">Its status.</param>
/// <param name="Deducted">Whether an accepted amount has left the wallet (directly or through a settlement).</param>
public sealed record SandboxChargeback(string Id, string ChargeId, decimal Amount, string Status, bool Deducted);

/// <summary>A settlement as a test sees it.</summary>
/// <param name="Id">The settlement's id (<c>stm_...</c>).</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Gross">The sum of its charges.</param>
/// <param name="Net">What it credited to the wallet.</param>
/// <param name="ChargeIds">The charges it settled.</param>
public sealed record SandboxSettlement(string Id, string Currency, decimal Gross, decimal Net, IReadOnlyList<string> ChargeIds);

/// <summary>A transfer as a test sees it.</summary>
/// <param name="Id">The transfer's id (<c>trf_...</c>).</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Status">The status the API shows now.</param>
/// <param name="Outcome"><c>SUCCESSFUL</c> or <c>FAILED</c> once it has run (the shown status catches up on the next read).</param>
/// <param name="Action">How it runs (<c>instant</c>, <c>deferred</c>, <c>scheduled</c>, <c>retry</c>, <c>duplicate</c>).</param>
/// <param name="SourceCurrency">The wallet currency it is paid from.</param>
/// <param name="Debited">What the wallet lost to it: amount and fee of a successful payout, 0 if it failed or came back.</param>
/// <param name="Reversed">Whether the bank sent it back.</param>
public sealed record SandboxTransfer(string Id, string Reference, string Status, string? Outcome, string Action, string SourceCurrency, decimal Debited, bool Reversed);

/// <summary>One movement of a wallet balance.</summary>
/// <param name="Direction"><c>credit</c> or <c>debit</c>.</param>
/// <param name="Type"><c>funding</c>, <c>settlement</c>, <c>transfer</c>, <c>fee</c>, <c>reversal</c>, <c>reversal_fee</c> or <c>chargeback</c>.</param>
/// <param name="Amount">How much (positive).</param>
/// <param name="Before">The balance before it.</param>
/// <param name="After">The balance after it.</param>
/// <param name="SourceId">The transfer, settlement or chargeback behind it; null for the opening balance.</param>
public sealed record SandboxWalletMovement(string Direction, string Type, decimal Amount, decimal Before, decimal After, string? SourceId);

/// <summary>The wallet's balance in one currency and its movements, oldest first.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Balance">The available balance.</param>
/// <param name="Movements">Every movement, oldest first, the opening balance included.</param>
public sealed record SandboxWallet(string Currency, decimal Balance, IReadOnlyList<SandboxWalletMovement> Movements);

/// <summary>What the sandbox holds and has seen, at one moment.</summary>
public sealed record SandboxSnapshot
{
    /// <summary>Customers, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> Customers { get; init; }

    /// <summary>Payment methods, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> PaymentMethods { get; init; }

    /// <summary>Charges, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> Charges { get; init; }

    /// <summary>Orders, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> Orders { get; init; }

    /// <summary>Virtual accounts, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> VirtualAccounts { get; init; }

    /// <summary>Refunds, in creation order.</summary>
    public required IReadOnlyList<SandboxRefund> Refunds { get; init; }

    /// <summary>Chargebacks, in creation order.</summary>
    public required IReadOnlyList<SandboxChargeback> Chargebacks { get; init; }

    /// <summary>Settlements, in creation order.</summary>
    public required IReadOnlyList<SandboxSettlement> Settlements { get; init; }

    /// <summary>Saved transfer recipients (deleted ones left out), in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> TransferRecipients { get; init; }

    /// <summary>Saved transfer senders (deleted ones left out), in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> TransferSenders { get; init; }

    /// <summary>Rate quotes, in creation order, with status <c>active</c> or <c>expired</c>.</summary>
    public required IReadOnlyList<SandboxRecord> TransferRates { get; init; }

    /// <summary>Transfers (direct ones, retries and duplicates included), in creation order.</summary>
    public required IReadOnlyList<SandboxTransfer> Transfers { get; init; }

    /// <summary>The wallet, one balance per currency, in the order the currencies were first held.</summary>
    public required IReadOnlyList<SandboxWallet> Wallets { get; init; }

    /// <summary>Access tokens issued.</summary>
    public required long TokensIssued { get; init; }

    /// <summary>Requests received by API operations (the token endpoint excluded).</summary>
    public required long OperationRequests { get; init; }

    /// <summary>Responses replayed for a repeated <c>X-Idempotency-Key</c>.</summary>
    public required long IdempotentReplays { get; init; }

    /// <summary>Requests answered 503 by fault injection.</summary>
    public required long InjectedServerErrors { get; init; }

    /// <summary>Requests carried out whose connection was then dropped by fault injection.</summary>
    public required long InjectedDrops { get; init; }
}
