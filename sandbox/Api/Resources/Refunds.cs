using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>A refund: money going back to the customer from a succeeded charge, deducted from a later settlement.</summary>
internal sealed class StoredRefund
{
    public required string Id { get; init; }

    public required string ChargeId { get; init; }

    public required string Currency { get; init; }

    public required decimal Amount { get; init; }

    public required string Reason { get; init; }

    public required JsonObject Meta { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary><c>new</c> when made, <c>succeeded</c> from the next read (a sandbox choice); refunds never fail here.</summary>
    public string Status { get; set; } = "new";

    /// <summary>The settlement the refund was deducted from; null while it waits for one.</summary>
    public string? SettlementId { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["amount_refunded"] = Amount,
        ["reason"] = Reason,
        ["status"] = Status,
        ["charge_id"] = ChargeId,
        ["meta"] = Meta.DeepClone(),
        ["created_datetime"] = Json.Timestamp(Created),
    };
}

/// <summary>
/// <c>Refunds</c>: partial or full refunds of succeeded charges, never more than what is left. The charge shows
/// <c>refunded: true</c> from the first refund; what is left is its amount less its refunds.
/// </summary>
internal static class Refunds
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listRefunds"] = new(List),
        ["createRefund"] = new(Create),
        ["getRefund"] = new(Get),
    };

    /// <summary>What a charge has had refunded so far (every refund counts: none fails in the sandbox).</summary>
    public static decimal RefundedSoFar(SandboxState state, string chargeId) =>
        state.Refunds.Values.Where(r => r.ChargeId == chargeId && r.Status != "failed").Sum(r => r.Amount);

    private static OperationResult Create(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        var chargeId = Json.Str(body, "charge_id") ?? throw ApiProblem.Invalid("charge_id", "is required");
        var amount = Json.Amount(body, "amount", "amount") ?? throw ApiProblem.Invalid("amount", "is required");
        if (!state.Charges.TryGetValue(chargeId, out var charge))
        {
            throw ApiProblem.Invalid("charge_id", "no charge with this id");
        }

        if (charge.Status != "succeeded")
        {
            throw ApiProblem.Domain("REFUND_CREATION_FAILED", "1403400", "Only a succeeded charge can be refunded.");
        }

        var left = (Json.Dec(charge.Data, "amount") ?? 0m) - RefundedSoFar(state, chargeId);
        if (left <= 0)
        {
            throw ApiProblem.Domain("REFUND_ALREADY_COMPLETED", "1404400", "The charge has been refunded in full.");
        }

        if (amount > left)
        {
            throw ApiProblem.Domain("REFUND_AMOUNT_INVALID", "1402400", "The refund amount is more than what is left to refund on the charge.");
        }

        var refund = new StoredRefund
        {
            Id = SandboxState.NewId("ref_"),
            ChargeId = chargeId,
            Currency = Json.Str(charge.Data, "currency") ?? "NGN",
            Amount = amount,
            Reason = Json.Str(body, "reason") ?? "requested_by_customer",
            Meta = Json.Meta(body),
            Created = state.Now,
        };
        state.Refunds.Add(refund.Id, refund);
        charge.Data["refunded"] = true;
        return new OperationResult(201, "Refund created", refund.ToJson());
    }

    private static OperationResult Get(OperationContext c)
    {
        Advance(c.State);
        return c.Id is not null && c.State.Refunds.TryGetValue(c.Id, out var refund)
            ? new OperationResult(200, "Refund fetched", refund.ToJson())
            : throw ApiProblem.Domain("REFUND_NOT_FOUND", "1401404", "No refund with this id.");
    }

    private static OperationResult List(OperationContext c)
    {
        Advance(c.State);
        return Paging.Numbered(c, c.State.Refunds.Values.Reverse(), r => r.Created, r => r.ToJson(), "Refunds fetched");
    }

    /// <summary>A refund reads <c>new</c> once, in the answer that made it; any later read finds it succeeded.</summary>
    private static void Advance(SandboxState state)
    {
        foreach (var refund in state.Refunds.Values.Where(r => r.Status == "new"))
        {
            refund.Status = "succeeded";
        }
    }
}
