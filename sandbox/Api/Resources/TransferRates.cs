using System.Globalization;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>
/// The sandbox's exchange rates (a sandbox choice): fixed mid rates in NGN per unit, cross rates through NGN. A pair
/// with a currency missing here has no rate.
/// </summary>
internal static class FxRates
{
    private static readonly Dictionary<string, decimal> NairaPerUnit = new(StringComparer.Ordinal)
    {
        ["NGN"] = 1m,
        ["USD"] = 1538.46m,
        ["GBP"] = 1950.00m,
        ["EUR"] = 1660.00m,
        ["GHS"] = 99.20m,
        ["KES"] = 11.90m,
    };

    /// <summary>How many units of <paramref name="to"/> one unit of <paramref name="from"/> buys; null without a rate.</summary>
    public static decimal? Rate(string from, string to) =>
        from == to ? 1m
        : NairaPerUnit.TryGetValue(from, out var a) && NairaPerUnit.TryGetValue(to, out var b) ? a / b
        : null;

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="precision"/> decimal places, or to that many significant
    /// digits when that keeps more (a rate below 1: 0.000649697 at precision 2 is 0.00065, as in the spec's example).
    /// </summary>
    public static string RateText(decimal value, int precision)
    {
        var places = precision;
        if (value is > 0 and < 1)
        {
            var exponent = (int)Math.Floor(Math.Log10((double)value));
            places = Math.Max(places, precision - 1 - exponent);
        }

        return Json.Round(value, Math.Min(places, 28)).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A rate quote: what a destination amount costs in the source currency, readable until it expires.</summary>
internal sealed record StoredRate(
    string Id, string Rate, string SourceAmount, string SourceCurrency, string DestinationAmount, string DestinationCurrency, DateTimeOffset Created, DateTimeOffset Expires)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["rate"] = Rate,
        ["source"] = new JsonObject { ["amount"] = SourceAmount, ["currency"] = SourceCurrency },
        ["destination"] = new JsonObject { ["amount"] = DestinationAmount, ["currency"] = DestinationCurrency },
        ["created_datetime"] = Json.Timestamp(Created),
    };
}

/// <summary>
/// <c>TransferRates</c>: quote a cross-currency payout. Quotes expire after <see cref="SandboxOptions.RateQuoteLifetime"/>
/// on the sandbox's clock; an expired one answers 404 like an unknown one (the spec has no expiry field).
/// </summary>
internal static class TransferRates
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["createTransferRate"] = new(Create),
        ["getTransferRate"] = new(Get),
    };

    private static OperationResult Create(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        var source = Json.Str(Json.Obj(body, "source"), "currency") ?? throw ApiProblem.Invalid("source.currency", "is required");
        var destination = Json.Obj(body, "destination") ?? throw ApiProblem.Invalid("destination", "is required");
        var target = Json.Str(destination, "currency") ?? throw ApiProblem.Invalid("destination.currency", "is required");
        var amount = Json.Amount(destination, "amount", "destination.amount") ?? throw ApiProblem.Invalid("destination.amount", "is required");
        var precision = (int)(Json.Int(body, "precision") ?? 6);
        var sourcePerTarget = FxRates.Rate(target, source)
            ?? throw ApiProblem.Invalid(FxRates.Rate(source, "NGN") is null ? "source.currency" : "destination.currency", "has no rate in the sandbox (NGN, USD, GBP, EUR, GHS, KES)");
        var sourceAmount = Json.Round(amount * sourcePerTarget, precision);
        var now = state.Now;
        var rate = new StoredRate(
            SandboxState.NewId("rte_"),
            FxRates.RateText(sourceAmount / amount, precision),
            sourceAmount.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            source,
            amount.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            target,
            now,
            now + state.Settings.RateQuoteLifetime);
        state.Rates.Add(rate.Id, rate);
        return new OperationResult(201, "Transfer rate fetched", rate.ToJson());
    }

    private static OperationResult Get(OperationContext c)
    {
        if (c.Id is null || !c.State.Rates.TryGetValue(c.Id, out var rate))
        {
            throw ApiProblem.NotFound("No rate quote with this id.");
        }

        return rate.Expires > c.State.Now
            ? new OperationResult(200, "Transfer rate fetched", rate.ToJson())
            : throw ApiProblem.NotFound("This rate quote has expired; ask for a new one.");
    }
}
