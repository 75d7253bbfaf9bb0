using Flutterwave;

namespace Checkout;

/// <summary>
/// Steps h and l: the wallet's NGN balance before the money moves and after, with the difference explained by this
/// run's settlement (charges less fees and the refund) and payout (amount and fee), and shown in the wallet statement.
/// </summary>
internal sealed partial class CheckoutFlow
{
    /// <summary>The statement's page size (the API takes 10 to 50): enough for this run's movements.</summary>
    private const int StatementPageSize = 10;

    private decimal? _balanceBefore;

    // ----------------------------------------------------------------------------------- h. balance, before
    private async Task<StepReport> WalletBalanceBeforeAsync(CancellationToken cancellationToken)
    {
        _transcript.Sent("GET /wallets/balances", "what the wallet holds, before the refund, the settlement and the payout");
        var balances = await _client.Wallets.ListWalletBalancesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _transcript.Received($"{balances.Count} currencies", Balances(balances));
        _balanceBefore = NairaBalance(balances);
        return new StepReport($"{Money(_balanceBefore.Value, Naira)} available", null);
    }

    // ------------------------------------------------------------------------------ l. balance, after, explained
    private async Task<StepReport> WalletBalanceAfterAsync(CancellationToken cancellationToken)
    {
        var before = _balanceBefore
            ?? throw new UnexpectedOutcomeException("needs the balance from step h", result: "not run: needs step h");
        _transcript.Sent("GET /wallets/balances", "what the wallet holds now");
        var balances = await _client.Wallets.ListWalletBalancesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _transcript.Received($"{balances.Count} currencies", Balances(balances));
        var after = NairaBalance(balances);

        _transcript.Sent("GET /wallets/statement", $"the NGN balance's latest movements, newest first (one cursor page of up to {StatementPageSize})");
        var statement = await _client.Wallets.GetWalletStatementAsync(Currency.NGN, size: StatementPageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
        // The movements since step h: newest first, back to the one that left the balance where step h found it.
        var since = (statement.Transactions ?? []).TakeWhile(t => t.Balance?.After != before).ToList();
        var more = since.Count == (statement.Transactions?.Count ?? 0) && statement.Cursor?.HasMoreItems == true ? "\n(and more on the next page)" : string.Empty;
        _transcript.Received(
            $"{since.Count} movement(s) since h",
            since.Count == 0 ? "none" : string.Join('\n', since.Select(Movement)) + more);

        // The difference, from what this run did: the settlement's net amount in, the payout and its fee out.
        var settled = _settlements.Where(s => CurrencyOf(s) == Naira).Sum(s => s.NetAmount ?? 0m);
        var payout = _payout?.Status == TransferStatus.SUCCESSFUL && _payout.SourceCurrency == Currency.NGN ? _payout : null;
        var fee = payout?.Fee?.Value ?? 0m;
        var paid = (payout?.DebitInformation?.ActualDebitAmount ?? 0m) - fee;
        var difference = after - before;
        var unexplained = difference - (settled - paid - fee);

        _transcript.Note($"{Money(before, Naira)} -> {Money(after, Naira)}: {Signed(difference)}, which is");
        _transcript.Note($"  {Signed(settled)} settled: {SettlementBreakdown()}");
        _transcript.Note(payout is null
            ? "  no payout: none was made in this run"
            : $"  {Signed(-paid)} paid to the supplier ({Money(TestSupplier.InvoiceUsd, "USD")}) and {Signed(-fee)} transfer fee ({payout.Id})");
        if (unexplained != 0m)
        {
            if (_connection.IsLocalSandbox)
            {
                throw new UnexpectedOutcomeException($"the balance moved {Signed(unexplained)} more than this run explains");
            }

            // A real account moves for other reasons too: Flutterwave's own settlements and fees, other payouts.
            _transcript.Note($"  {Signed(unexplained)} from other activity on the account (settlements on Flutterwave's schedule, other payouts)");
        }

        return new StepReport($"{Money(after, Naira)} available ({Signed(difference)})", null);
    }

    /// <summary>What this run's settlements were made of: charges less fees, refunds and chargebacks.</summary>
    private string SettlementBreakdown()
    {
        var ours = _settlements.Where(s => CurrencyOf(s) == Naira).ToList();
        if (ours.Count == 0)
        {
            return "nothing yet (no settlement of this run's charges)";
        }

        var gross = ours.Sum(s => s.GrossAmount ?? 0m);
        var fees = ours.Sum(s => (s.Fees ?? []).Sum(f => f.Amount ?? 0m));
        var refunds = ours.Sum(s => ParseAmount(s.Refund));
        var chargebacks = ours.Sum(s => ParseAmount(s.Chargeback));
        var refund = _refund is { AmountRefunded: { } amount } && refunds == amount
            ? $"the {Money(refunds, Naira)} refund"
            : $"{Money(refunds, Naira)} in refunds";
        var chargeback = chargebacks == 0m ? string.Empty : $", {Money(chargebacks, Naira)} in chargebacks";
        return $"charges of {Money(gross, Naira)} less {Money(fees, Naira)} in fees and {refund}{chargeback} ({string.Join(", ", ours.Select(s => s.Id))})";
    }

    private static decimal NairaBalance(IEnumerable<WalletBalance> balances) =>
        balances.FirstOrDefault(b => b.Currency == Currency.NGN)?.AvailableBalance ?? 0m;

    private static string Balances(IList<WalletBalance> balances) =>
        balances.Count == 0 ? "(no balances)" : string.Join(", ", balances.Select(b => Money(b.AvailableBalance, b.Currency.ToString())));

    private static string Movement(WalletTransaction t)
    {
        var sign = t.TransactionDirection == WalletTransactionTransactionDirection.Debit ? -1m : 1m;
        var amount = sign * (t.Amount?.Value ?? 0m);
        var after = t.Balance?.After is { } a ? Money(a, t.Balance.Currency?.ToString() ?? Naira) : "?";
        return $"{t.TransactionType?.ToString() ?? "?",-10} {Signed(amount),15}  balance {after}  {t.Remarks}";
    }

    private static string Signed(decimal amount) => (amount < 0 ? "-" : "+") + Money(Math.Abs(amount), Naira);
}
