using System.Globalization;
using Flutterwave;

namespace Checkout;

/// <summary>
/// Steps i and j: part of a paid charge goes back to the customer, then the settlements pay this run's charges, less
/// their fees and that refund, into the wallet.
/// </summary>
internal sealed partial class CheckoutFlow
{
    /// <summary>What the customer gets back in step i: one item of the order was returned.</summary>
    private const decimal RefundAmount = 1000m;

    /// <summary>The settlement list's page size (the API takes 10 to 50).</summary>
    private const int SettlementPageSize = 10;

    private readonly List<Settlement> _settlements = [];
    private Refund? _refund;

    // ----------------------------------------------------------------------------------- i. partial refund
    private async Task<StepReport> RefundPartOfChargeAsync(CancellationToken cancellationToken)
    {
        var charge = _paidCharges.FirstOrDefault()
            ?? throw new UnexpectedOutcomeException("needs a charge that succeeded in step b or c", result: "not run: needs a paid charge");
        var request = new RefundRequest
        {
            ChargeId = charge.Id,
            Amount = RefundAmount,
            Reason = RefundReason.RequestedByCustomer,
            Meta = new Dictionary<string, string> { ["reference"] = $"chk-{RunId}-rfd" },
        };
        _transcript.Sent(
            "POST /refunds",
            $"give back {Money(request.Amount, Naira)} of the {Money(charge.Amount, charge.Currency.ToString())} charge {charge.Id} ({charge.Reference})\nthe customer sent one item back; reason {request.Reason}, meta reference chk-{RunId}-rfd");
        var refund = await _client.Refunds.CreateRefundAsync(request, Call("refund"), cancellationToken).ConfigureAwait(false);
        ReceivedRefund(refund, charge);

        _transcript.Sent($"GET /refunds/{refund.Id}", "the refund, followed to its end");
        refund = await _client.Refunds.GetRefundAsync(refund.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReceivedRefund(refund, charge);
        var finished = refund.Status == RefundStatus.Succeeded || refund.Status == RefundStatus.Completed;
        if (!finished)
        {
            if (_connection.IsLocalSandbox || refund.Status == RefundStatus.Failed || refund.Status == RefundStatus.Cancelled)
            {
                throw new UnexpectedOutcomeException($"expected the refund to have succeeded, got {refund.Status?.ToString() ?? "no status"}", refund.Id);
            }

            _transcript.Note("still on its way: the refund.completed webhook announces its end");
        }

        _transcript.Sent($"GET /charges/{charge.Id}", "the charge, now that part of it went back");
        var after = await _client.Charges.GetChargeAsync(charge.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        var refunded = refund.AmountRefunded ?? request.Amount;
        // The charge is this run's own, so this refund is its only one.
        var left = after.Amount - refunded;
        _transcript.Received(
            after.Id,
            $"{after.Status}, refunded: {Flag(after.Refunded)}; {Money(refunded, after.Currency.ToString())} refunded, {Money(left, after.Currency.ToString())} of {Money(after.Amount, after.Currency.ToString())} left to refund");
        if (after.Refunded != true)
        {
            throw new UnexpectedOutcomeException("the charge does not show refunded: true after the refund", after.Id);
        }

        _refund = refund;
        var state = finished ? string.Empty : $" ({refund.Status})";
        return new StepReport($"{Money(refunded, after.Currency.ToString())} refunded{state}, {Money(left, after.Currency.ToString())} left", refund.Id);
    }

    // ------------------------------------------------------------------------------------ j. settlements
    private async Task<StepReport> ListSettlementsAsync(CancellationToken cancellationToken)
    {
        if (_paidCharges.Count == 0)
        {
            throw new UnexpectedOutcomeException("needs a charge that succeeded in step b or c", result: "not run: needs a paid charge");
        }

        // The period starts at this run's first charge, on the server's clock.
        var since = _paidCharges.Min(c => c.CreatedDatetime) ?? DateTimeOffset.UtcNow.AddHours(-1);
        var until = since.AddDays(1);
        _transcript.Sent(
            "GET /settlements",
            $"settlements made since this run's first charge ({Utc(since)}), newest first, up to {SettlementPageSize}"
            + (_connection.IsLocalSandbox ? "\n(the sandbox settles the paid, unsettled charges when settlements are read)" : string.Empty));
        var page = await _client.Settlements.ListSettlementsAsync(page: 1, size: SettlementPageSize, from: since, to: until, cancellationToken: cancellationToken).ConfigureAwait(false);
        _transcript.Received(
            $"{page.Count} settlement(s)",
            page.Count == 0 ? "none in that period" : string.Join('\n', page.Select(s => $"{s.Id}  {s.Status}  net {Money(s.NetAmount ?? 0m, CurrencyOf(s))} to the {s.Destination ?? "merchant"}")));

        var paid = _paidCharges.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var settledHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listed in page)
        {
            _transcript.Sent($"GET /settlements/{listed.Id}", "the settlement with the charges it pays out");
            var settlement = await _client.Settlements.GetSettlementAsync(listed.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            var ours = (settlement.Charges ?? []).Where(c => paid.Contains(c.Id)).ToList();
            var currency = CurrencyOf(settlement);
            var fees = (settlement.Fees ?? []).Sum(f => f.Amount ?? 0m);
            var lines = new List<string>
            {
                $"{settlement.Status}: {Money(settlement.GrossAmount ?? 0m, currency)} from {settlement.ChargeCount ?? "?"} charge(s), less fees {Money(fees, currency)}, refunds {Money(ParseAmount(settlement.Refund), currency)} and chargebacks {Money(ParseAmount(settlement.Chargeback), currency)}",
                $"= {Money(settlement.NetAmount ?? 0m, currency)} paid into the {settlement.Destination ?? "merchant's account"}",
            };
            lines.AddRange(ours.Select(c => $"this run's {c.Id}: {Money(c.ChargedAmount ?? 0m, currency)} charged, {Money(c.SettlementAmount ?? 0m, currency)} after its fees"));
            _transcript.Received(settlement.Id, string.Join('\n', lines));
            if (ours.Count > 0)
            {
                _settlements.Add(settlement);
                settledHere.UnionWith(ours.Select(c => c.Id));
            }
        }

        var waiting = paid.Except(settledHere, StringComparer.Ordinal).ToList();
        if (waiting.Count > 0)
        {
            if (_connection.IsLocalSandbox)
            {
                throw new UnexpectedOutcomeException($"this run's charges {string.Join(", ", waiting)} are in no settlement");
            }

            // A real account settles on Flutterwave's schedule (usually the next working day), not during the run.
            _transcript.Note($"not settled yet: {string.Join(", ", waiting)}; Flutterwave settles on its own schedule");
            if (_settlements.Count == 0)
            {
                return new StepReport("none yet: Flutterwave settles on its schedule", null);
            }
        }

        var net = _settlements.Sum(s => s.NetAmount ?? 0m);
        return new StepReport(
            $"{settledHere.Count} charge(s) settled, net {Money(net, CurrencyOf(_settlements[0]))} to the wallet",
            _settlements.Count == 1 ? _settlements[0].Id : null);
    }

    private void ReceivedRefund(Refund refund, Charge charge) =>
        _transcript.Received(refund.Id, $"{refund.Status?.ToString() ?? "(no status)"}: {Money(refund.AmountRefunded ?? 0m, charge.Currency.ToString())} back to the customer from {refund.ChargeId ?? "?"}");

    private static string CurrencyOf(Settlement settlement) => settlement.Currency?.ToString() ?? Naira;

    /// <summary>An amount the API writes as decimal text (settlement deductions, rate quotes); missing is 0.</summary>
    private static decimal ParseAmount(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;

    private static string Flag(bool? flag) => flag switch { true => "true", false => "false", null => "(not given)" };

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
