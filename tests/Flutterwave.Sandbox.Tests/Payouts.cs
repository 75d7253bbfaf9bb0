using System;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave;
using Flutterwave.Runtime;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Request builders for the payout and post-payment resources, and a few reads tests repeat.</summary>
internal static class Payouts
{
    public static RequestOptions Scenario(string key) => new() { ScenarioKey = key };

    public static RequestOptions Key(string key) => new() { IdempotencyKey = key };

    public static TransferRecipientRequest NgnRecipient(string account = "0690000031", string code = "044") => new()
    {
        Type = TransferRecipientRequestType.BankNgn,
        Bank = new TransferBankAccount { AccountNumber = account, Code = code },
    };

    public static TransferRequest Transfer(string recipientId, decimal amount, TransferRequestAction? action = null, string? reference = null, Currency? source = null) => new()
    {
        Action = action ?? TransferRequestAction.Instant,
        Reference = reference,
        Narration = "Sandbox payout",
        PaymentInstruction = new TransferPaymentInstruction
        {
            SourceCurrency = source ?? Currency.NGN,
            Amount = new TransferAmount { Value = amount, AppliesTo = TransferAmountAppliesTo.DestinationCurrency },
            RecipientId = recipientId,
        },
    };

    public static async Task<string> NgnRecipientIdAsync(this SandboxClient s, string code = "044") =>
        (await s.Client.TransferRecipients.CreateTransferRecipientAsync(NgnRecipient(code: code))).Id;

    /// <summary>A succeeded NGN card charge of <paramref name="amount"/>.</summary>
    public static async Task<Charge> SucceededChargeAsync(this SandboxClient s, decimal amount = 1000m) =>
        await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(amount: amount));

    public static decimal Balance(this SandboxServer server, string currency = "NGN") =>
        server.Snapshot().Wallets.Single(w => w.Currency == currency).Balance;

    public static string NewReference(string prefix = "payout") => prefix + "-" + Guid.NewGuid().ToString("N")[..20];
}
