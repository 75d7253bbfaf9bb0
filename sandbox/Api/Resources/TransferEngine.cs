using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>What a new transfer pays and to whom: the part that create, direct create, retry and duplicate share.</summary>
internal sealed record TransferDraft(
    string Action, string SourceCurrency, decimal Value, string AppliesTo, string Type, string DestinationCurrency,
    JsonObject Recipient, string? RecipientId, JsonObject? Sender, string? SenderId, string? Narration)
{
    public ParentLink? RetryOf { get; init; }

    public ParentLink? DuplicateOf { get; init; }

    public string? RootId { get; init; }
}

/// <summary>
/// How transfers are opened, run and moved on. Running a transfer decides its outcome and, on success, debits the
/// wallet (<c>transfer</c> and <c>fee</c> entries) in the same step under the state lock; a failure debits nothing.
/// </summary>
internal static partial class TransferEngine
{
    /// <summary>
    /// Checks and opens a transfer: reference, scheduling, the scenario's rejections; then stores it and, unless it
    /// waits (deferred, scheduled), runs it. Nothing is stored when a check fails.
    /// </summary>
    public static StoredTransfer Open(OperationContext c, JsonObject body, TransferDraft draft)
    {
        var state = c.State;
        var now = state.Now;
        var disburse = draft.Action == "scheduled"
            ? ReadDisburseOption(Json.Obj(body, "disburse_option") ?? throw ApiProblem.Invalid("disburse_option", "is required when action is scheduled"))
            : null;
        if (c.Payout.Rejection is { } rejection)
        {
            throw rejection;
        }

        var reference = Json.Str(body, "reference");
        if (reference is not null && state.References.Contains(reference))
        {
            throw ApiProblem.Conflict("RESOURCE_CONFLICT", "A transfer, charge, order or virtual account with this reference already exists.");
        }

        var id = SandboxState.NewId("trf_");
        var sourcePerDestination = FxRates.Rate(draft.DestinationCurrency, draft.SourceCurrency);
        decimal? source = null, destination = null;
        if (sourcePerDestination is { } rate)
        {
            (source, destination) = draft.AppliesTo == "source_currency"
                ? (draft.Value, Json.Round(draft.Value / rate))
                : (Json.Round(draft.Value * rate), draft.Value);
        }

        var (fee, vat) = FeeSchedule.ForPayout(source ?? draft.Value, draft.SourceCurrency);
        var transfer = new StoredTransfer
        {
            Id = id,
            Reference = reference ?? "sbx-" + id[4..] + "-" + RandomNumberGenerator.GetHexString(8, lowercase: true),
            Type = draft.Type,
            Action = draft.Action,
            SourceCurrency = draft.SourceCurrency,
            DestinationCurrency = draft.DestinationCurrency,
            Value = draft.Value,
            AppliesTo = draft.AppliesTo,
            SourceAmount = source,
            DestinationAmount = destination,
            Fee = fee,
            Vat = vat,
            RateUsed = source is { } s && destination is { } d && d != 0
                ? decimal.Parse(FxRates.RateText(s / d, 6), CultureInfo.InvariantCulture)
                : null,
            Recipient = draft.Recipient,
            RecipientId = draft.RecipientId,
            Sender = draft.Sender,
            SenderId = draft.SenderId,
            Scenario = c.Payout,
            Created = now,
            Narration = draft.Narration,
            CallbackUrl = Json.Str(body, "callback_url"),
            Meta = Json.Obj(body, "meta") is { } meta ? (JsonObject)meta.DeepClone() : null,
            RetryOf = draft.RetryOf,
            DuplicateOf = draft.DuplicateOf,
            RootId = draft.RootId ?? id,
            Status = draft.Action == "scheduled" ? "PENDING" : "NEW",
            Disburse = disburse,
        };

        state.References.Add(transfer.Reference);
        state.Transfers.Add(id, transfer);
        if (draft.Action is not ("deferred" or "scheduled"))
        {
            Run(state, transfer, now);
        }

        return transfer;
    }

    /// <summary>
    /// Decides the outcome and moves the money: the scenario's failure if it names one, else the sandbox's own checks
    /// (rate, wallet currency, bank code, wallet identifier, balance), else success with the debit booked.
    /// </summary>
    public static void Run(SandboxState state, StoredTransfer transfer, DateTimeOffset now)
    {
        state.Wallets.TryGetValue(transfer.SourceCurrency, out var wallet);
        var failure = transfer.Scenario.Failure
            ?? (transfer.SourceAmount is null ? ProviderFailure.NoConversion
            : wallet is null ? ProviderFailure.InvalidWalletCurrency
            : transfer.Type == "bank" && !BankDirectory.IsKnownCode(transfer.DestinationCurrency, Json.Str(Json.Obj(transfer.Recipient, "bank"), "code")) ? ProviderFailure.InvalidBankCode
            : transfer.Type == "wallet" && !Wallets.TestWallets.ContainsKey(Json.Str(Json.Obj(transfer.Recipient, "wallet"), "identifier") ?? string.Empty) ? ProviderFailure.TransferFailed
            : !wallet.Covers(transfer.SourceAmount.Value + transfer.Fee) ? ProviderFailure.InsufficientBalance
            : null);
        if (failure is not null)
        {
            transfer.Outcome = "FAILED";
            transfer.Failure = failure;
            return;
        }

        var sent = (transfer.DestinationAmount ?? 0m, transfer.DestinationCurrency);
        wallet!.Debit("transfer", transfer.SourceAmount!.Value, transfer.Narration ?? "Transfer " + transfer.Reference, now, transfer.Id, sent);
        wallet.Debit("fee", transfer.Fee, "Fee for " + transfer.Id, now, transfer.Id);
        transfer.Outcome = "SUCCESSFUL";
        transfer.Proof = RandomNumberGenerator.GetString("0123456789", 30);
    }

    /// <summary>
    /// What time does to transfers, on every read of transfers or wallets: scheduled ones whose time has come run
    /// (and show their outcome at once), and every decided outcome becomes the shown status.
    /// </summary>
    public static void Advance(SandboxState state)
    {
        var now = state.Now;
        foreach (var transfer in state.Transfers.Values)
        {
            if (transfer.IsWaiting && transfer.Disburse is { } when && when.RunsAt <= now)
            {
                Run(state, transfer, now);
            }

            if (transfer.Outcome is { } outcome && transfer.Status != outcome)
            {
                transfer.Status = outcome;
            }
        }
    }

    /// <summary>
    /// The bank sends a successful payout back: the wallet is credited the amount (<c>reversal</c>) and the fee
    /// (<c>reversal_fee</c>), once. False when there is no such successful, unreversed transfer.
    /// </summary>
    public static bool Reverse(SandboxState state, string id)
    {
        if (!state.Transfers.TryGetValue(id, out var transfer) || transfer.Outcome != "SUCCESSFUL" || transfer.ReversedAt is not null)
        {
            return false;
        }

        var now = state.Now;
        var wallet = state.Wallet(transfer.SourceCurrency);
        wallet.Credit("reversal", transfer.SourceAmount ?? 0m, "Reversal of " + transfer.Id, now, transfer.Id);
        wallet.Credit("reversal_fee", transfer.Fee, "Fee reversal for " + transfer.Id, now, transfer.Id);
        transfer.Status = "SUCCESSFUL";
        transfer.ReversedAt = now;
        return true;
    }

    /// <summary>Reads <c>disburse_option</c>: a local <c>YYYY-MM-DDTHH:MM:SS</c> in an IANA time zone.</summary>
    public static DisburseOption ReadDisburseOption(JsonObject option)
    {
        var text = Json.Str(option, "date_time") ?? throw ApiProblem.Invalid("disburse_option.date_time", "is required");
        var zoneId = Json.Str(option, "timezone") ?? throw ApiProblem.Invalid("disburse_option.timezone", "is required");
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw ApiProblem.Invalid("disburse_option.date_time", "must be a local date and time written YYYY-MM-DDTHH:MM:SS");
        }

        TimeZoneInfo zone;
        try
        {
            // The pattern keeps the id a zone name (Africa/Lagos, UTC), never a path the look-up would follow.
            zone = ZoneName().IsMatch(zoneId) ? TimeZoneInfo.FindSystemTimeZoneById(zoneId) : throw new TimeZoneNotFoundException();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw ApiProblem.Invalid("disburse_option.timezone", "must be an IANA time zone such as Africa/Lagos");
        }

        if (zone.IsInvalidTime(local))
        {
            throw ApiProblem.Invalid("disburse_option.date_time", "does not exist in this time zone (a daylight-saving gap)");
        }

        try
        {
            return new DisburseOption(text, zoneId, new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero));
        }
        catch (ArgumentException)
        {
            throw ApiProblem.Invalid("disburse_option.date_time", "is out of range in this time zone");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")]
    private static partial Regex ZoneName();
}
