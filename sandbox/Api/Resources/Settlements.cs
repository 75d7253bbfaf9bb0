using System.Globalization;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>One charge paid out in a settlement.</summary>
internal sealed record SettledCharge(string Id, decimal Charged, decimal Settled, string? CustomerId, string? PaymentMethodId, DateTimeOffset ChargeDate);

/// <summary>A payout of collected funds into the wallet: charges less their fees, refunds and accepted chargebacks.</summary>
internal sealed class StoredSettlement
{
    public required string Id { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<SettledCharge> Charges { get; init; }

    public required IReadOnlyList<FeeItem> Fees { get; init; }

    public required decimal Refund { get; init; }

    public required decimal Chargeback { get; init; }

    public required DateTimeOffset Created { get; init; }

    public decimal Gross => Charges.Sum(ch => ch.Charged);

    /// <summary>Never negative: a deduction that does not fit waits for the next settlement.</summary>
    public decimal Net => Gross - Fees.Sum(f => f.Amount) - Refund - Chargeback;

    public JsonObject ToJson(bool withCharges)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["gross_amount"] = Gross,
            ["net_amount"] = Net,
            ["currency"] = Currency,
            ["status"] = "completed",
            ["description"] = "Settlement for " + Created.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["destination"] = "wallet",
            ["fees"] = FeeSchedule.ToJson(Fees),
            ["chargeback"] = Json.Text(Chargeback),
            ["refund"] = Json.Text(Refund),
            ["charge_count"] = Charges.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (withCharges)
        {
            var charges = new JsonArray();
            foreach (var charge in Charges)
            {
                charges.Add(new JsonObject
                {
                    ["id"] = charge.Id,
                    ["charged_amount"] = charge.Charged,
                    ["settlement_amount"] = charge.Settled,
                    ["customer_id"] = charge.CustomerId,
                    ["payment_method_id"] = charge.PaymentMethodId,
                    ["currency"] = Currency,
                    ["charge_date"] = charge.ChargeDate.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }

            json["charges"] = charges;
        }

        json["due_datetime"] = Json.Timestamp(Created);
        json["transaction_datetime"] = Json.Timestamp(Created);
        json["meta"] = new JsonObject();
        json["created_datetime"] = Json.Timestamp(Created);
        return json;
    }
}

/// <summary>
/// <c>Settlements</c>, made on read (a sandbox choice): before either operation answers, the succeeded charges not yet
/// settled go into one new settlement per currency, which credits the wallet with its net amount.
/// </summary>
internal static class Settlements
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listSettlements"] = new(List),
        ["getSettlement"] = new(Get),
    };

    private static OperationResult List(OperationContext c)
    {
        Settle(c.State);
        return Paging.Numbered(c, c.State.Settlements.Values.Reverse(), s => s.Created, s => s.ToJson(withCharges: false), "Settlements fetched");
    }

    private static OperationResult Get(OperationContext c)
    {
        Settle(c.State);
        return c.Id is not null && c.State.Settlements.TryGetValue(c.Id, out var settlement)
            ? new OperationResult(200, "Settlement fetched", settlement.ToJson(withCharges: true))
            : throw ApiProblem.Domain("SETTLEMENT_NOT_FOUND", "1500404", "No settlement with this id.");
    }

    /// <summary>Settles every succeeded, unsettled charge: one settlement per currency.</summary>
    public static void Settle(SandboxState state)
    {
        Chargebacks.Advance(state);
        var now = state.Now;
        var due = state.Charges.Values
            .Where(ch => ch.Status == "succeeded" && Json.Bool(ch.Data, "settled") != true)
            .GroupBy(ch => Json.Str(ch.Data, "currency") ?? "NGN", StringComparer.Ordinal);
        foreach (var group in due)
        {
            var currency = group.Key;
            var id = SandboxState.NewId("stm_");
            var charges = new List<SettledCharge>();
            var fees = new List<FeeItem>();
            foreach (var charge in group)
            {
                var amount = Json.Dec(charge.Data, "amount") ?? 0m;
                var chargeFees = FeeSchedule.Read(charge.Data["fees"]);
                fees.AddRange(chargeFees);
                charges.Add(new SettledCharge(
                    charge.Id,
                    amount,
                    amount - chargeFees.Sum(f => f.Amount),
                    Json.Str(charge.Data, "customer_id"),
                    Json.Str(Json.Obj(charge.Data, "payment_method_details"), "id"),
                    Json.Date(charge.Data, "created_datetime") ?? now));
                charge.Data["settled"] = true;
                charge.Data["settlement_id"] = new JsonArray(id);
            }

            var feeTotals = fees.GroupBy(f => f.Type, StringComparer.Ordinal).Select(g => new FeeItem(g.Key, g.Sum(f => f.Amount))).ToList();
            var room = charges.Sum(ch => ch.Charged) - feeTotals.Sum(f => f.Amount);

            // Deductions waiting in this currency, oldest first, each taken whole while the net stays at or above zero.
            var refund = 0m;
            foreach (var waiting in state.Refunds.Values.Where(r => r.Currency == currency && r.SettlementId is null))
            {
                if (waiting.Amount <= room)
                {
                    room -= waiting.Amount;
                    refund += waiting.Amount;
                    waiting.SettlementId = id;
                }
            }

            var chargeback = 0m;
            foreach (var accepted in state.Chargebacks.Values.Where(cb => cb.Currency == currency && cb.Status == "accepted" && !cb.Deducted))
            {
                if (accepted.Amount <= room)
                {
                    room -= accepted.Amount;
                    chargeback += accepted.Amount;
                    accepted.Deducted = true;
                    accepted.SettlementId = id;
                }
            }

            var settlement = new StoredSettlement
            {
                Id = id,
                Currency = currency,
                Charges = charges,
                Fees = feeTotals,
                Refund = refund,
                Chargeback = chargeback,
                Created = now,
            };
            state.Settlements.Add(id, settlement);
            if (settlement.Net > 0)
            {
                state.Wallet(currency).Credit("settlement", settlement.Net, "Settlement " + id, now, id);
            }
        }
    }
}
