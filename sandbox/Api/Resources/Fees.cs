using System.Globalization;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>One fee on a payment or a settlement.</summary>
internal sealed record FeeItem(string Type, decimal Amount);

/// <summary>
/// The sandbox's prices (a sandbox choice; Flutterwave's pricing depends on the merchant's contract). Collections:
/// <c>app</c> 1.4% of the amount, <c>vat</c> 7.5% of that, and <c>stamp_duty</c> 50.00 on NGN payments of 10,000 or
/// more; the same function prices charges, settlements and <c>GET /fees</c>. Payouts: NGN 10.75 up to 5,000, 26.88
/// up to 50,000 and 53.75 above (VAT included, 7.5/107.5 of the fee); other currencies 1% of the debited amount.
/// </summary>
internal static class FeeSchedule
{
    public static IReadOnlyList<FeeItem> ForPayment(decimal amount, string? currency)
    {
        var app = Json.Round(amount * 0.014m);
        var fees = new List<FeeItem> { new("app", app), new("vat", Json.Round(app * 0.075m)) };
        if (currency == "NGN" && amount >= 10_000m)
        {
            fees.Add(new FeeItem("stamp_duty", 50.00m));
        }

        return fees;
    }

    public static (decimal Fee, decimal Vat) ForPayout(decimal sourceAmount, string sourceCurrency)
    {
        if (sourceCurrency == "NGN")
        {
            var fee = sourceAmount <= 5_000m ? 10.75m : sourceAmount <= 50_000m ? 26.88m : 53.75m;
            return (fee, Json.Round(fee * 7.5m / 107.5m));
        }

        return (Math.Max(0.01m, Json.Round(sourceAmount * 0.01m)), 0m);
    }

    public static JsonArray ToJson(IEnumerable<FeeItem> fees)
    {
        var array = new JsonArray();
        foreach (var fee in fees)
        {
            array.Add(new JsonObject { ["type"] = fee.Type, ["amount"] = fee.Amount });
        }

        return array;
    }

    /// <summary>Reads a charge's stored <c>fees</c> back.</summary>
    public static IReadOnlyList<FeeItem> Read(JsonNode? fees) =>
        fees is JsonArray array
            ? array.OfType<JsonObject>().Select(f => new FeeItem(Json.Str(f, "type") ?? "fee", Json.Dec(f, "amount") ?? 0m)).ToList()
            : [];
}

/// <summary><c>Fees</c>: a quote of what a payment would cost.</summary>
internal static class Fees
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["getFees"] = new(GetFees, Stateless: true),
    };

    private static OperationResult GetFees(OperationContext c)
    {
        // The validator has checked amount (a number, at least 0.01), currency and payment_method against the spec.
        var amount = decimal.TryParse(c.Query("amount"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiProblem.Invalid("amount", "must be a number");
        if (amount > Json.MaxAmount)
        {
            throw ApiProblem.Invalid("amount", "must be at most 1000000000000 in the sandbox");
        }
        var fees = FeeSchedule.ForPayment(amount, c.Query("currency"));
        return new OperationResult(200, "Fees fetched", new JsonObject
        {
            ["charge_amount"] = amount + fees.Sum(f => f.Amount),
            ["fee"] = FeeSchedule.ToJson(fees),
        });
    }
}
