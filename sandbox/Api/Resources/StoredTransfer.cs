using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>When a scheduled transfer runs: as sent, and the instant that means.</summary>
internal sealed record DisburseOption(string DateTime, string TimeZone, DateTimeOffset RunsAt)
{
    public JsonObject ToJson() => new() { ["date_time"] = DateTime, ["timezone"] = TimeZone };
}

/// <summary>The transfer a retry or duplicate was made from.</summary>
internal sealed record ParentLink(string Id, string Reference)
{
    public JsonObject ToJson() => new() { ["parent_id"] = Id, ["parent_reference"] = Reference };
}

/// <summary>
/// A payout. <see cref="Status"/> is what the API shows; <see cref="Outcome"/> is decided when the transfer runs
/// (and its money moves then), and the status catches up with it on the next read, as a provider's answer would.
/// </summary>
internal sealed class StoredTransfer
{
    public required string Id { get; init; }

    public required string Reference { get; init; }

    /// <summary><c>bank</c>, <c>mobile_money</c> or <c>wallet</c>: the recipient's kind.</summary>
    public required string Type { get; init; }

    /// <summary><c>instant</c>, <c>deferred</c>, <c>scheduled</c>, <c>retry</c> or <c>duplicate</c>.</summary>
    public required string Action { get; init; }

    public required string SourceCurrency { get; init; }

    public required string DestinationCurrency { get; init; }

    public required decimal Value { get; init; }

    public required string AppliesTo { get; init; }

    /// <summary>What leaves the wallet before the fee; null when the sandbox has no rate for the pair.</summary>
    public required decimal? SourceAmount { get; init; }

    public required decimal? DestinationAmount { get; init; }

    public required decimal Fee { get; init; }

    public required decimal Vat { get; init; }

    public required decimal? RateUsed { get; init; }

    public required JsonObject Recipient { get; init; }

    public required string? RecipientId { get; init; }

    public required JsonObject? Sender { get; init; }

    public required string? SenderId { get; init; }

    public required PayoutScenario Scenario { get; init; }

    public required DateTimeOffset Created { get; init; }

    public string? Narration { get; init; }

    public string? CallbackUrl { get; init; }

    public JsonObject? Meta { get; init; }

    public ParentLink? RetryOf { get; init; }

    public ParentLink? DuplicateOf { get; init; }

    /// <summary>The first transfer of a retry chain (itself unless this is a retry): a chain pays out at most once.</summary>
    public required string RootId { get; init; }

    public required string Status { get; set; }

    /// <summary><c>SUCCESSFUL</c> or <c>FAILED</c> once run; null while waiting or after being cancelled.</summary>
    public string? Outcome { get; set; }

    public ProviderFailure? Failure { get; set; }

    public string? Proof { get; set; }

    public DisburseOption? Disburse { get; set; }

    /// <summary>Set when <c>PUT</c> sent it, so a repeat of that <c>PUT</c> answers the same instead of failing.</summary>
    public bool InitiatedByUpdate { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }

    /// <summary>Deferred or scheduled, not run and not cancelled.</summary>
    public bool IsWaiting => Outcome is null && Status is "NEW" or "PENDING" && Action is "deferred" or "scheduled";

    /// <summary>What the wallet lost to this transfer: the amount and fee of a successful payout, less a reversal.</summary>
    public decimal Debited => Outcome == "SUCCESSFUL" && ReversedAt is null ? (SourceAmount ?? 0m) + Fee : 0m;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["action"] = Action,
            ["reference"] = Reference,
            ["status"] = Status,
        };
        if (Narration is not null)
        {
            json["narration"] = Narration;
        }

        json["source_currency"] = SourceCurrency;
        json["destination_currency"] = DestinationCurrency;
        json["amount"] = new JsonObject { ["value"] = Value, ["applies_to"] = AppliesTo };
        if (SourceAmount is { } source)
        {
            json["fee"] = new JsonObject { ["currency"] = SourceCurrency, ["value"] = Fee };
            json["debit_information"] = new JsonObject
            {
                ["currency"] = SourceCurrency,
                ["actual_debit_amount"] = source + Fee,
                ["rate_used"] = RateUsed,
                ["vat"] = Vat,
            };
        }

        if (Status == "SUCCESSFUL" && Proof is not null)
        {
            json["payment_information"] = new JsonObject { ["proof"] = Proof };
        }

        if (Status == "FAILED" && Failure is { } failure)
        {
            json["provider_response"] = new JsonObject { ["type"] = failure.Type, ["code"] = failure.Code, ["message"] = failure.Message };
        }

        if (ReversedAt is { } reversed)
        {
            json["reversal"] = new JsonObject
            {
                ["reversal_datetime"] = Json.Timestamp(reversed),
                ["initial_status"] = "SUCCESSFUL",
                ["reconciliation_status"] = "REVERSED",
                ["reconciliation_type"] = "C",
            };
        }

        AddIf(json, "retry", RetryOf?.ToJson());
        AddIf(json, "duplicate", DuplicateOf?.ToJson());
        AddIf(json, "disburse_option", Disburse?.ToJson());
        AddIf(json, "callback_url", CallbackUrl);
        json["recipient"] = Recipient.DeepClone();
        AddIf(json, "sender", Sender?.DeepClone());
        AddIf(json, "meta", Meta?.DeepClone());
        json["created_datetime"] = Json.Timestamp(Created);
        return json;
    }

    /// <summary>The short answer of <c>PUT /transfers/{id}</c>.</summary>
    public JsonObject SummaryJson()
    {
        var json = new JsonObject { ["id"] = Id, ["action"] = Action, ["status"] = Status };
        AddIf(json, "disburse_option", Disburse?.ToJson());
        json["updated_datetime"] = Json.Timestamp(Updated ?? Created);
        return json;
    }

    private static void AddIf(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
