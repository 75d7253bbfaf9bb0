using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>
/// <c>Transfers</c>: pay a saved recipient, follow, start or cancel a waiting transfer, retry a failed one or
/// duplicate any. Lifecycle: <c>instant</c> runs at once and shows <c>NEW</c>, then its outcome on the next read;
/// <c>deferred</c> waits (<c>NEW</c>) for <c>PUT initiate</c>; <c>scheduled</c> waits (<c>PENDING</c>) for its time
/// or <c>PUT initiate</c>; <c>PUT close</c> cancels a waiting one.
/// </summary>
internal static class Transfers
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listTransfers"] = new(List),
        ["createTransfer"] = new(Create),
        ["getTransfer"] = new(Get),
        ["updateTransfer"] = new(Update),
        ["retryTransfer"] = new(Retry),
    };

    private static OperationResult Create(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        var instruction = Json.Obj(body, "payment_instruction") ?? throw ApiProblem.Invalid("payment_instruction", "is required");
        var amount = Json.Obj(instruction, "amount") ?? throw ApiProblem.Invalid("payment_instruction.amount", "is required");
        var errors = new List<FieldError>();
        var recipientId = Json.Str(instruction, "recipient_id");
        var senderId = Json.Str(instruction, "sender_id");
        StoredRecipient? recipient = null;
        StoredSender? sender = null;
        if (recipientId is null || !state.Recipients.TryGetValue(recipientId, out recipient))
        {
            errors.Add(new FieldError("payment_instruction.recipient_id", "no transfer recipient with this id"));
        }

        if (senderId is not null && !state.Senders.TryGetValue(senderId, out sender))
        {
            errors.Add(new FieldError("payment_instruction.sender_id", "no transfer sender with this id"));
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var draft = new TransferDraft(
            Json.Str(body, "action") ?? "instant",
            Json.Str(instruction, "source_currency") ?? recipient!.Currency,
            Json.Amount(amount, "value", "payment_instruction.amount.value") ?? throw ApiProblem.Invalid("payment_instruction.amount.value", "is required"),
            Json.Str(amount, "applies_to") ?? "destination_currency",
            recipient!.Type,
            recipient.Currency,
            recipient.ToJson(),
            recipient.Id,
            sender?.ToJson(),
            sender?.Id,
            Json.Str(body, "narration"));
        var transfer = TransferEngine.Open(c, body, draft);
        return new OperationResult(201, "Transfer created", transfer.ToJson());
    }

    private static OperationResult Get(OperationContext c)
    {
        TransferEngine.Advance(c.State);
        return new OperationResult(200, "Transfer fetched", Find(c).ToJson());
    }

    private static OperationResult List(OperationContext c)
    {
        var state = c.State;
        TransferEngine.Advance(state);
        bool Matches(string name, string? value) => c.Query(name) is not { } wanted || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);
        var newestFirst = state.Transfers.Values.Reverse()
            .Where(t => c.Query("bulk_id") is null) // no bulk payouts in the spec: a bulk filter matches nothing
            .Where(t => Matches("recipient_id", t.RecipientId) && Matches("sender_id", t.SenderId)
                && Matches("source_currency", t.SourceCurrency) && Matches("destination_currency", t.DestinationCurrency)
                && Matches("action", t.Action) && Matches("type", t.Type) && Matches("status", t.Status))
            .ToList();
        return new OperationResult(200, "Transfers fetched", Paging.Cursor(c, newestFirst, "transfers", t => t.ToJson()));
    }

    /// <summary>
    /// Starts (<c>initiate</c>), cancels (<c>close</c>) or moves (<c>disburse_option</c>) a waiting transfer. Repeating
    /// the <c>initiate</c> or <c>close</c> that already took effect answers the same summary and changes nothing, so a
    /// client's retry of a lost answer is safe (the operation takes no idempotency key).
    /// </summary>
    private static OperationResult Update(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        TransferEngine.Advance(state);
        var transfer = Find(c);
        var initiate = Json.Bool(body, "initiate") == true;
        var close = Json.Bool(body, "close") == true;
        var option = Json.Obj(body, "disburse_option");
        if (initiate && close)
        {
            throw ApiProblem.Invalid("body", "send initiate or close, not both");
        }

        if (!initiate && !close && option is null)
        {
            throw ApiProblem.Invalid("body", "send initiate: true, close: true or a new disburse_option");
        }

        if ((initiate && transfer.InitiatedByUpdate) || (close && transfer.Status == "CANCELLED"))
        {
            return new OperationResult(200, "Transfer updated", transfer.SummaryJson());
        }

        if (!transfer.IsWaiting)
        {
            throw ApiProblem.Invalid("body", "only a deferred or scheduled transfer that has not run can be updated");
        }

        var now = state.Now;
        if (option is not null)
        {
            if (transfer.Action != "scheduled")
            {
                throw ApiProblem.Invalid("disburse_option", "only a scheduled transfer can be moved");
            }

            transfer.Disburse = TransferEngine.ReadDisburseOption(option);
        }

        if (initiate)
        {
            TransferEngine.Run(state, transfer, now);
            transfer.Status = "INITIATED";
            transfer.InitiatedByUpdate = true;
        }
        else if (close)
        {
            transfer.Status = "CANCELLED";
        }

        transfer.Updated = now;
        return new OperationResult(200, "Transfer updated", transfer.SummaryJson());
    }

    /// <summary>
    /// <c>retry</c> re-sends a <c>FAILED</c> transfer, at most once per chain until one fails again: a retry is refused
    /// while the original or any retry of it has succeeded (or is still running), so one payout is never made twice.
    /// <c>duplicate</c> copies any transfer as a new payout.
    /// </summary>
    private static OperationResult Retry(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        TransferEngine.Advance(state);
        var parent = Find(c);
        var action = Json.Str(body, "action") ?? throw ApiProblem.Invalid("action", "is required");
        if (action == "retry")
        {
            if (parent.Outcome != "FAILED")
            {
                throw ApiProblem.Invalid("action", "only a FAILED transfer can be retried; duplicate it to pay again");
            }

            if (state.Transfers.Values.Any(t => t.RootId == parent.RootId && t.Outcome != "FAILED"))
            {
                throw ApiProblem.Invalid("action", "this transfer has already been retried successfully");
            }
        }

        var link = new ParentLink(parent.Id, parent.Reference);
        var draft = new TransferDraft(
            action, parent.SourceCurrency, parent.Value, parent.AppliesTo, parent.Type, parent.DestinationCurrency,
            (JsonObject)parent.Recipient.DeepClone(), parent.RecipientId, parent.Sender?.DeepClone() as JsonObject, parent.SenderId, parent.Narration)
        {
            RetryOf = action == "retry" ? link : null,
            DuplicateOf = action == "duplicate" ? link : null,
            RootId = action == "retry" ? parent.RootId : null,
        };
        var transfer = TransferEngine.Open(c, body, draft);
        return new OperationResult(201, action == "retry" ? "Transfer retried" : "Transfer duplicated", transfer.ToJson());
    }

    private static StoredTransfer Find(OperationContext c) =>
        c.Id is not null && c.State.Transfers.TryGetValue(c.Id, out var transfer)
            ? transfer
            : throw ApiProblem.NotFound("No transfer with this id.");
}
