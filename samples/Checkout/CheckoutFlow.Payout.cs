using System.Globalization;
using Flutterwave;

namespace Checkout;

/// <summary>
/// Step k: the shop pays its US parts supplier from its NGN wallet. The supplier's account is looked up (is it
/// really theirs?), saved as a transfer recipient, the shop saved as the sender of a cross-border payout, the
/// NGN to USD rate quoted, and the transfer made for the quoted amount and followed to its final status.
/// </summary>
internal sealed partial class CheckoutFlow
{
    /// <summary>The payout scenario the sandbox plays (sandbox/README.md, Payout scenarios): the transfer goes through.</summary>
    private const string PayoutScenario = "scenario:successful";

    /// <summary>How often the transfer is read before the sample stops waiting for its final status.</summary>
    private const int MaxTransferReads = 5;

    /// <summary>Decimal places of the rate quote's amounts: the currencies' own.</summary>
    private const int QuotePrecision = 2;

    private Transfer? _payout;

    // ------------------------------------------------------------------------------- k. pay a supplier abroad
    private async Task<StepReport> PaySupplierAsync(CancellationToken cancellationToken)
    {
        if (!_connection.IsLocalSandbox)
        {
            // The account below is the sandbox's test account: a real server would look up, and pay, someone else.
            _transcript.Note("not a sandbox on this machine: the supplier's account is a sandbox test account, so this run");
            _transcript.Note("quotes the rate (a documented call that moves no money) and pays no one");
            var onlyQuote = await QuoteAsync(cancellationToken).ConfigureAwait(false);
            return new StepReport($"quoted only (real server): {Rate(onlyQuote)}", onlyQuote.Id);
        }

        _transcript.Note($"a sandbox on this machine: the supplier's account is its USD test account, the payout plays {PayoutScenario}");
        var holder = await ResolveSupplierAccountAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(holder.AccountName.Trim(), TestSupplier.HolderName, StringComparison.OrdinalIgnoreCase))
        {
            // Paying an account whose holder is not the one on the invoice is how payout fraud works.
            throw new UnexpectedOutcomeException($"the bank names the holder \"{holder.AccountName}\", the invoice \"{TestSupplier.HolderName}\": not paying", result: "holder name mismatch");
        }

        _transcript.Note("the bank's name for the account matches the invoice: safe to pay");
        var recipient = await SaveSupplierAsync(cancellationToken).ConfigureAwait(false);
        var sender = await SaveShopAsSenderAsync(cancellationToken).ConfigureAwait(false);
        var quote = await QuoteAsync(cancellationToken).ConfigureAwait(false);

        // A quote expires (the sandbox keeps one 10 minutes): read it again right before paying on it.
        _transcript.Sent($"GET /transfers/rates/{quote.Id}", "the quote, still valid just before paying");
        quote = await _client.TransferRates.GetTransferRateAsync(quote.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReceivedQuote(quote);
        var quotedNaira = ParseAmount(quote.Source?.Amount);

        var request = new TransferRequest
        {
            Action = TransferRequestAction.Instant,
            Reference = $"chk-{RunId}-pay",
            Narration = $"Parts invoice chk-{RunId}",
            PaymentInstruction = new TransferPaymentInstruction
            {
                SourceCurrency = Currency.NGN,
                Amount = new TransferAmount { Value = TestSupplier.InvoiceUsd, AppliesTo = TransferAmountAppliesTo.DestinationCurrency },
                RecipientId = recipient.Id,
                SenderId = sender.Id,
            },
        };
        _transcript.Sent(
            "POST /transfers",
            $"pay {Money(TestSupplier.InvoiceUsd, "USD")} to {recipient.Id} from the NGN wallet, now, on behalf of {sender.Id}\nquoted at {Money(quotedNaira, Naira)} ({quote.Id}); reference {request.Reference}; X-Scenario-Key {PayoutScenario}");
        var transfer = await _client.Transfers.CreateTransferAsync(request, Call("payout", PayoutScenario), cancellationToken).ConfigureAwait(false);
        ReceivedTransfer(transfer);
        _payout = transfer;

        for (var read = 1; read <= MaxTransferReads && !IsFinal(transfer.Status); read++)
        {
            if (read > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }

            _transcript.Sent($"GET /transfers/{transfer.Id}", read == 1 ? "the transfer, to its final status" : $"the transfer again (read {read} of {MaxTransferReads})");
            transfer = await _client.Transfers.GetTransferAsync(transfer.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            ReceivedTransfer(transfer);
            _payout = transfer;
        }

        if (transfer.Status != TransferStatus.SUCCESSFUL)
        {
            var why = transfer.ProviderResponse is { } p ? $": {p.Type} ({p.Code}) {p.Message}" : string.Empty;
            throw new UnexpectedOutcomeException($"expected a SUCCESSFUL transfer, got {transfer.Status?.ToString() ?? "no status"}{why}", transfer.Id);
        }

        var fee = transfer.Fee?.Value ?? 0m;
        var debited = transfer.DebitInformation?.ActualDebitAmount ?? 0m;
        var paid = debited - fee;
        var asQuoted = paid == quotedNaira ? "as quoted" : $"the quote said {Money(quotedNaira, Naira)}";
        _transcript.Note($"the wallet paid {Money(paid, Naira)} for {Money(TestSupplier.InvoiceUsd, "USD")} at {transfer.DebitInformation?.RateUsed?.ToString(CultureInfo.InvariantCulture) ?? "?"} NGN per USD, {asQuoted},");
        _transcript.Note($"plus a {Money(fee, Naira)} transfer fee (VAT {Money(transfer.DebitInformation?.Vat ?? 0m, Naira)} included): {Money(debited, Naira)} in all");
        return new StepReport($"SUCCESSFUL: {Money(TestSupplier.InvoiceUsd, "USD")} for {Money(debited, Naira)}", transfer.Id);
    }

    private async Task<BankAccountResolution> ResolveSupplierAccountAsync(CancellationToken cancellationToken)
    {
        var request = new BankAccountResolveRequest
        {
            Currency = BankAccountResolveRequestCurrency.USD,
            Account = new BankAccountResolveAccount { Code = TestSupplier.BankCode, Number = TestSupplier.AccountNumber, Country = TestSupplier.Country },
        };
        _transcript.Sent("POST /banks/account-resolve", $"who holds USD account {TestSupplier.MaskedAccount} at bank {TestSupplier.BankCode} ({TestSupplier.Country})?\nthe invoice says {TestSupplier.HolderName}");
        var holder = await _client.Banks.ResolveBankAccountAsync(request, Call("resolve"), cancellationToken).ConfigureAwait(false);
        _transcript.Received("****" + holder.AccountNumber[^Math.Min(4, holder.AccountNumber.Length)..], $"held by {holder.AccountName}");
        return holder;
    }

    private async Task<TransferRecipient> SaveSupplierAsync(CancellationToken cancellationToken)
    {
        var request = new TransferRecipientRequest
        {
            Type = TransferRecipientRequestType.BankUsd,
            Name = new CustomerName { First = TestSupplier.FirstName, Last = TestSupplier.LastName },
            Email = $"parts.{RunId}@example.com",
            Phone = new Phone { CountryCode = "1", Number = "2125550142" },
            Address = new Address { Line1 = "42 Harbor Street", City = "New York", State = "NY", Country = TestSupplier.Country, PostalCode = "10004" },
            Bank = new TransferBankAccount
            {
                AccountNumber = TestSupplier.AccountNumber,
                Code = TestSupplier.BankCode,
                AccountType = TransferBankAccountAccountType.Checking,
                RoutingNumber = TestSupplier.RoutingNumber,
                SwiftCode = TestSupplier.SwiftCode,
            },
        };
        _transcript.Sent("POST /transfers/recipients", $"save the supplier {TestSupplier.HolderName} <{request.Email}>, New York\nUSD checking account {TestSupplier.MaskedAccount} (routing, SWIFT, address: what USD payouts need)");
        var recipient = await _client.TransferRecipients.CreateTransferRecipientAsync(request, Call("recipient"), cancellationToken).ConfigureAwait(false);
        _transcript.Received(recipient.Id, $"{recipient.Type} recipient in {recipient.Currency}: {recipient.Name?.First} {recipient.Name?.Last}" + Created(recipient.CreatedDatetime));
        return recipient;
    }

    private async Task<TransferSender> SaveShopAsSenderAsync(CancellationToken cancellationToken)
    {
        var request = new TransferSenderRequest
        {
            Type = TransferSenderType.GenericSender,
            Name = new CustomerName { First = "Charles", Last = "Babbage" },
            Email = $"shop.{RunId}@example.com",
        };
        _transcript.Sent("POST /transfers/senders", $"save the shop's owner Charles Babbage <{request.Email}> as the sender\n(a cross-border payout names who it is made on behalf of)");
        var sender = await _client.TransferSenders.CreateTransferSenderAsync(request, Call("sender"), cancellationToken).ConfigureAwait(false);
        _transcript.Received(sender.Id, $"{sender.Type}: {sender.Name?.First} {sender.Name?.Last}");
        return sender;
    }

    private async Task<TransferRate> QuoteAsync(CancellationToken cancellationToken)
    {
        var request = new TransferRateRequest
        {
            Source = new TransferRateRequestSource { Currency = Currency.NGN },
            Destination = new TransferRateRequestDestination { Currency = Currency.USD, Amount = TestSupplier.InvoiceUsd },
            Precision = QuotePrecision,
        };
        _transcript.Sent("POST /transfers/rates", $"how much NGN buys the invoice's {Money(TestSupplier.InvoiceUsd, "USD")}?");
        var quote = await _client.TransferRates.CreateTransferRateAsync(request, Call("quote"), cancellationToken).ConfigureAwait(false);
        ReceivedQuote(quote);
        return quote;
    }

    private void ReceivedQuote(TransferRate quote) =>
        _transcript.Received(
            quote.Id,
            $"{Quoted(quote.Source)} buys {Quoted(quote.Destination)}, at {Rate(quote)}" + Created(quote.CreatedDatetime).Replace("created", "quoted", StringComparison.Ordinal));

    private void ReceivedTransfer(Transfer transfer)
    {
        var amount = transfer.Amount is { } a
            ? " " + Money(a.Value, (a.AppliesTo == TransferAmountAppliesTo.SourceCurrency ? transfer.SourceCurrency : transfer.DestinationCurrency)?.ToString() ?? "?")
            : string.Empty;
        var fee = transfer.Fee is { } f ? $", fee {Money(f.Value, f.Currency.ToString())}" : string.Empty;
        var problem = transfer.ProviderResponse is { } p ? $", provider {p.Type} ({p.Code})" : string.Empty;
        var proof = transfer.PaymentInformation?.Proof is { Length: > 0 } ? ", proof of payment received" : string.Empty;
        _transcript.Received(
            transfer.Id,
            $"{transfer.Status?.ToString() ?? "(no status)"}: {transfer.Action}{amount} from the {transfer.SourceCurrency} wallet{fee}{problem}{proof}");
    }

    private static string Quoted(TransferRateAmount? side) =>
        side is null ? "?" : Money(ParseAmount(side.Amount), side.Currency?.ToString() ?? "?");

    /// <summary>The quote's rate, read the spec's way: units of the source currency per unit of the destination's.</summary>
    private static string Rate(TransferRate quote) =>
        $"{quote.Rate ?? "?"} {quote.Source?.Currency?.ToString() ?? "?"} per {quote.Destination?.Currency?.ToString() ?? "?"}";

    private static bool IsFinal(TransferStatus? status) =>
        status == TransferStatus.SUCCESSFUL || status == TransferStatus.FAILED || status == TransferStatus.CANCELLED;
}
