using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>
/// <c>DirectTransfers</c>: a transfer with its recipient and sender inline. The recipient (and the sender, as a
/// <c>generic_sender</c>) are saved as <c>POST /transfers/recipients</c> and <c>/senders</c> would, then the transfer
/// is opened exactly as <c>POST /transfers</c> opens it.
/// </summary>
internal static class DirectTransfers
{
    private const string Prefix = "payment_instruction.";

    private static readonly HashSet<string> BankCurrencies = new(StringComparer.Ordinal)
    {
        "NGN", "KES", "ETB", "MWK", "GHS", "RWF", "SLL", "UGX", "XAF", "XOF", "ZAR", "EUR", "GBP", "USD",
    };

    private static readonly HashSet<string> MobileMoneyCurrencies = new(StringComparer.Ordinal)
    {
        "ETB", "GHS", "KES", "RWF", "TZS", "UGX", "ZMW", "XAF", "XOF",
    };

    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["createDirectTransfer"] = new(Create),
    };

    private static OperationResult Create(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        var type = Json.Str(body, "type") ?? throw ApiProblem.Invalid("type", "is required");
        var instruction = Json.Obj(body, "payment_instruction") ?? throw ApiProblem.Invalid("payment_instruction", "is required");
        var amount = Json.Obj(instruction, "amount") ?? throw ApiProblem.Invalid(Prefix + "amount", "is required");
        var recipientBody = Json.Obj(instruction, "recipient") ?? throw ApiProblem.Invalid(Prefix + "recipient", "is required");
        var source = Json.Str(instruction, "source_currency") ?? throw ApiProblem.Invalid(Prefix + "source_currency", "is required");
        var destination = Json.Str(instruction, "destination_currency");
        var senderBody = Json.Obj(instruction, "sender");
        var errors = new List<FieldError>();
        if (destination is null && type == "wallet")
        {
            errors.Add(new FieldError(Prefix + "destination_currency", "is required for a wallet payout"));
        }

        // Without a destination currency the payout stays in the source currency (a sandbox choice).
        destination ??= source;
        Check(type, destination, recipientBody, senderBody, errors);
        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var now = state.Now;
        var recipient = StoredRecipient.From(recipientBody, type, destination, now);
        var sender = senderBody is null ? null : StoredSender.From(senderBody, "generic_sender", now);
        var draft = new TransferDraft(
            Json.Str(body, "action") ?? "instant",
            source,
            Json.Amount(amount, "value", Prefix + "amount.value") ?? throw ApiProblem.Invalid(Prefix + "amount.value", "is required"),
            Json.Str(amount, "applies_to") ?? "destination_currency",
            type,
            destination,
            recipient.ToJson(),
            recipient.Id,
            sender?.ToJson(),
            sender?.Id,
            Json.Str(body, "narration"));
        var transfer = TransferEngine.Open(c, body, draft);

        // The transfer is stored: its parties are saved with it.
        state.Recipients.Add(recipient.Id, recipient);
        if (sender is not null)
        {
            state.Senders.Add(sender.Id, sender);
        }

        return new OperationResult(201, "Transfer created", transfer.ToJson());
    }

    /// <summary>The table on <c>DirectTransferRecipient</c>, and the sender rule of <c>DirectTransferSender</c>.</summary>
    private static void Check(string type, string currency, JsonObject recipient, JsonObject? sender, List<FieldError> errors)
    {
        const string At = Prefix + "recipient.";
        var account = Json.Obj(recipient, type);
        if (account is null)
        {
            errors.Add(new FieldError(At + type, "is required when type is " + type));
        }

        var international = type == "bank" && currency is "EUR" or "GBP" or "USD";
        if (sender is not null || international)
        {
            if (sender is null)
            {
                errors.Add(new FieldError(Prefix + "sender", "is required for EUR, GBP and USD bank payouts"));
            }
            else
            {
                PayoutParties.RequireName(sender, Prefix + "sender.", errors);
                if (international)
                {
                    PayoutParties.RequireContact(sender, Prefix + "sender.", errors);
                }
            }
        }

        switch (type)
        {
            case "wallet":
                if (account is not null)
                {
                    PayoutParties.RequireText(account, At + "wallet.", errors, "provider", "identifier");
                }

                return;
            case "mobile_money":
                if (!MobileMoneyCurrencies.Contains(currency))
                {
                    errors.Add(new FieldError(Prefix + "destination_currency", "has no mobile money payouts (ETB, GHS, KES, RWF, TZS, UGX, ZMW, XAF, XOF)"));
                    return;
                }

                PayoutParties.RequireName(recipient, At, errors);
                if (account is not null)
                {
                    PayoutParties.RequireText(account, At + "mobile_money.", errors, currency is "XAF" or "XOF" ? ["network", "country", "msisdn"] : ["network", "msisdn"]);
                }

                return;
        }

        if (!BankCurrencies.Contains(currency))
        {
            errors.Add(new FieldError(Prefix + "destination_currency", "has no bank payouts in the sandbox"));
            return;
        }

        if (currency is "ETB" or "GHS" or "ZAR" || international)
        {
            PayoutParties.RequireName(recipient, At, errors);
        }

        if (currency is "ZAR" || international)
        {
            PayoutParties.RequireContact(recipient, At, errors);
        }

        string[] members = currency switch
        {
            "EUR" => ["account_number", "name", "swift_code"],
            "GBP" => ["account_number", "account_type", "name", "sort_code"],
            "USD" => ["account_number", "code", "account_type", "routing_number", "swift_code"],
            "GHS" or "RWF" or "SLL" or "UGX" or "XAF" or "XOF" => ["account_number", "code", "branch"],
            _ => ["account_number", "code"],
        };
        if (account is not null)
        {
            PayoutParties.RequireText(account, At + "bank.", errors, members);
        }
    }
}
