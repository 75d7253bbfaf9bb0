using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Transfers: lifecycle, money, failure scenarios, retries, duplicates, references and lists.</summary>
public sealed class TransferTests
{
    [Fact]
    public async Task Instant_ShowsNewThenSuccessful_AndDebitsAmountAndFeeOnce()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipient = await s.NgnRecipientIdAsync();
        var before = s.Server.Balance();

        var created = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(recipient, 5000m));
        Assert.StartsWith("trf_", created.Id, StringComparison.Ordinal);
        Assert.Equal(TransferStatus.NEW, created.Status);
        Assert.Equal((10.75m, "NGN"), (created.Fee!.Value, created.Fee.Currency.ToString()));
        Assert.Equal((5010.75m, 1m, 0.75m), (created.DebitInformation!.ActualDebitAmount!.Value, created.DebitInformation.RateUsed!.Value, created.DebitInformation.Vat!.Value));
        Assert.Equal(recipient, created.Recipient!.Id);
        Assert.Equal(before - 5010.75m, s.Server.Balance());

        var fetched = await s.Client.Transfers.GetTransferAsync(created.Id);
        Assert.Equal(TransferStatus.SUCCESSFUL, fetched.Status);
        Assert.Matches("^[0-9]{30}$", fetched.PaymentInformation!.Proof);
        Assert.Null(fetched.ProviderResponse);

        var statement = await s.Client.Wallets.GetWalletStatementAsync(Currency.NGN);
        var (fee, payout) = (statement.Transactions![0], statement.Transactions[1]);
        Assert.Equal(("debit", "fee", 10.75m), (fee.TransactionDirection.ToString(), fee.TransactionType.ToString(), fee.Amount!.Value));
        Assert.Equal("Fee for " + created.Id, fee.Remarks);
        Assert.Equal(("debit", "transfer", 5000m), (payout.TransactionDirection.ToString(), payout.TransactionType.ToString(), payout.Amount!.Value));
        Assert.Equal((5000m, "NGN"), (payout.SentAmount!.Value, payout.SentAmount.Currency.ToString()));
        Assert.Equal(created.Id, payout.Transfer!.Id);
        Assert.Equal((before, before - 5000m), (payout.Balance!.Before, payout.Balance.After));
        Assert.Equal((before - 5000m, before - 5010.75m), (fee.Balance!.Before, fee.Balance.After));
        Assert.Equal(before - 5010.75m, (await s.Client.Wallets.GetWalletBalanceAsync(Currency.NGN)).AvailableBalance);
    }

    [Theory]
    [InlineData(5000, 10.75, 0.75)]
    [InlineData(5000.01, 26.88, 1.88)]
    [InlineData(50000.01, 53.75, 3.75)]
    public async Task NgnFees_FollowTheirTiers(decimal amount, decimal fee, decimal vat)
    {
        await using var s = await SandboxClient.StartAsync();
        var transfer = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(await s.NgnRecipientIdAsync(), amount));

        Assert.Equal((fee, vat), (transfer.Fee!.Value, transfer.DebitInformation!.Vat!.Value));
    }

    [Fact]
    public async Task CrossCurrency_DebitsTheSourceWallet_AtTheSandboxRate()
    {
        await using var s = await SandboxClient.StartAsync();
        var usd = s.Server.Balance("USD");

        var transfer = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(await s.NgnRecipientIdAsync(), 153846m, source: Currency.USD));

        Assert.Equal(("USD", "NGN"), (transfer.SourceCurrency.ToString(), transfer.DestinationCurrency.ToString()));
        Assert.Equal((1.00m, "USD"), (transfer.Fee!.Value, transfer.Fee.Currency.ToString())); // 1% of 100.00
        Assert.Equal(101.00m, transfer.DebitInformation!.ActualDebitAmount);
        Assert.Equal(0.000650001m, transfer.DebitInformation.RateUsed); // USD per NGN, six significant digits
        Assert.Equal(usd - 101.00m, s.Server.Balance("USD"));
    }

    [Fact]
    public async Task InsufficientBalance_RealOrByScenario_FailsWithProviderResponse_AndDebitsNothing()
    {
        var options = new SandboxOptions();
        options.WalletBalances["NGN"] = 1000m;
        await using var s = await SandboxClient.StartAsync(options);
        var recipient = await s.NgnRecipientIdAsync();

        var real = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(recipient, 990m)); // 990 + 10.75 > 1000
        var byScenario = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(recipient, 10m), Payouts.Scenario("scenario:insufficient_balance"));
        Assert.Equal(TransferStatus.NEW, real.Status);
        Assert.Null(real.ProviderResponse);

        foreach (var id in new[] { real.Id, byScenario.Id })
        {
            var failed = await s.Client.Transfers.GetTransferAsync(id);
            Assert.Equal(TransferStatus.FAILED, failed.Status);
            Assert.Equal(("insufficient_balance", "0307", "DISBURSE FAILED: Insufficient wallet balance"), (failed.ProviderResponse!.Type.ToString(), failed.ProviderResponse.Code, failed.ProviderResponse.Message));
        }

        Assert.Equal(1000m, s.Server.Balance());
        Assert.Single(s.Server.Snapshot().Wallets.Single(w => w.Currency == "NGN").Movements);
        Assert.Equal(TransferStatus.SUCCESSFUL, (await s.Client.Transfers.GetTransferAsync((await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(recipient, 989m))).Id)).Status);
        Assert.Equal(0.25m, s.Server.Balance());
    }

    [Theory]
    [InlineData("scenario:amount_exceed_limit_error", "transfer_amount_exceeds_limit", "0301")]
    [InlineData("scenario:currency_amount_below_limit", "transfer_amount_below_limit", "0302")]
    [InlineData("scenario:month_transfer_limit_exceeded", "monthly_transfer_limit_exceeded", "0303")]
    [InlineData("scenario:day_limit_error", "daily_transfer_limit_exceeded", "0304")]
    [InlineData("scenario:payout_creation_error", "payout_creation_failed", "0306")]
    [InlineData("scenario:blocked_bank", "service_unavailable", "0308")]
    [InlineData("scenario:no_account_found", "transfer_failed", "0309")]
    [InlineData("scenario:invalid_currency", "currency_conversion_not_set", "0311")]
    [InlineData("scenario:invalid_wallet_currency", "invalid_wallet_currency", "0315")]
    public async Task FailureScenarios_EndFailed_WithTheirProviderResponse(string scenario, string type, string code)
    {
        await using var s = await SandboxClient.StartAsync();
        var before = s.Server.Balance();
        var created = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(await s.NgnRecipientIdAsync(), 100m), Payouts.Scenario(scenario));

        var failed = await s.Client.Transfers.GetTransferAsync(created.Id);
        Assert.Equal(TransferStatus.FAILED, failed.Status);
        Assert.Equal((type, code), (failed.ProviderResponse!.Type.ToString(), failed.ProviderResponse.Code));
        Assert.Equal(before, s.Server.Balance());
    }

    [Fact]
    public async Task InvalidBankCode_AndAWalletNotHeld_FailTheTransfer()
    {
        await using var s = await SandboxClient.StartAsync();
        var unknownBank = await s.NgnRecipientIdAsync(code: "999");

        var badCode = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(unknownBank, 100m));
        Assert.Equal(("invalid_bank_code", "0313"), Response(await s.Client.Transfers.GetTransferAsync(badCode.Id)));

        var zar = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(await s.NgnRecipientIdAsync(), 100m, source: Currency.ZAR));
        Assert.Equal(("currency_conversion_not_set", "0311"), Response(await s.Client.Transfers.GetTransferAsync(zar.Id)));
        var ngnFromZar = await s.Client.Transfers.CreateTransferAsync(new TransferRequest
        {
            Action = TransferRequestAction.Instant,
            PaymentInstruction = new TransferPaymentInstruction
            {
                SourceCurrency = Currency.ZAR,
                RecipientId = (await s.Client.TransferRecipients.CreateTransferRecipientAsync(new TransferRecipientRequest
                {
                    Type = TransferRecipientRequestType.BankZar,
                    Name = new CustomerName { First = "Thabo", Last = "Mbeki" },
                    Email = "thabo@example.com",
                    Phone = new Phone { CountryCode = "27", Number = "821234567" },
                    Address = new Address { Line1 = "1 Long St", City = "Cape Town", State = "WC", Country = "ZA", PostalCode = "8001" },
                    Bank = new TransferBankAccount { AccountNumber = "1234567890", Code = "051001" },
                })).Id,
                Amount = new TransferAmount { Value = 100m, AppliesTo = TransferAmountAppliesTo.SourceCurrency },
            },
        });
        Assert.Equal(("invalid_wallet_currency", "0315"), Response(await s.Client.Transfers.GetTransferAsync(ngnFromZar.Id)));

        static (string, string?) Response(Transfer t) => (t.ProviderResponse!.Type.ToString(), t.ProviderResponse.Code);
    }

    [Fact]
    public async Task RequestScenarios_AreErrors_AndReferencesAreUnique()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipient = await s.NgnRecipientIdAsync();
        var transfers = s.Client.Transfers;

        var amount = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Scenario("scenario:invalid_amount")));
        Assert.Contains(amount.ValidationErrors, e => e.FieldName == "payment_instruction.amount.value");
        var reference = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Scenario("scenario:invalid_reference_length")));
        Assert.Contains(reference.ValidationErrors, e => e.FieldName == "reference");
        var duplicate = await Assert.ThrowsAsync<ApiConflictException>(() => transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Scenario("scenario:duplicate_reference")));
        Assert.Equal(("RESOURCE_CONFLICT", "10409"), (duplicate.ErrorType, duplicate.ErrorCode));
        var unknown = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Scenario("scenario:teleport")));
        Assert.Contains(unknown.ValidationErrors, e => e.FieldName == "X-Scenario-Key");
        var noSuchRecipient = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.CreateTransferAsync(Payouts.Transfer("rcb_nothere000", 100m)));
        Assert.Contains(noSuchRecipient.ValidationErrors, e => e.FieldName == "payment_instruction.recipient_id");
        Assert.Empty(s.Server.Snapshot().Transfers);

        var used = Payouts.NewReference();
        var first = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m, reference: used));
        Assert.Equal(used, first.Reference);
        var conflict = await Assert.ThrowsAsync<ApiConflictException>(() => transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m, reference: used)));
        Assert.Equal("RESOURCE_CONFLICT", conflict.ErrorType);
        var charge = await s.SucceededChargeAsync();
        await Assert.ThrowsAsync<ApiConflictException>(() => transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m, reference: charge.Reference)));
        Assert.Matches("^[a-zA-Z0-9-]{6,42}$", (await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m))).Reference);

        // The same idempotency key replays the first answer: one transfer, one debit.
        var key = Guid.NewGuid().ToString("N");
        var once = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Key(key));
        var again = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Key(key));
        Assert.Equal(once.Id, again.Id);
        Assert.Equal(3, s.Server.Snapshot().Transfers.Count);
    }

    [Fact]
    public async Task Deferred_WaitsForInitiate_OrIsClosed_AndARepeatedPutChangesNothing()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipient = await s.NgnRecipientIdAsync();
        var transfers = s.Client.Transfers;
        var before = s.Server.Balance();

        var deferred = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 1000m, TransferRequestAction.Deferred));
        Assert.Equal(TransferStatus.NEW, (await transfers.GetTransferAsync(deferred.Id)).Status);
        Assert.Equal(before, s.Server.Balance());

        var started = await transfers.UpdateTransferAsync(deferred.Id, new TransferUpdateRequest { Initiate = true });
        Assert.Equal((TransferStatus.INITIATED, TransferAction.Deferred), (started.Status, started.Action));
        Assert.NotNull(started.UpdatedDatetime);
        Assert.Equal(before - 1010.75m, s.Server.Balance());
        var repeat = await transfers.UpdateTransferAsync(deferred.Id, new TransferUpdateRequest { Initiate = true });
        Assert.Equal(TransferStatus.SUCCESSFUL, repeat.Status);
        Assert.Equal(before - 1010.75m, s.Server.Balance());
        var lateClose = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.UpdateTransferAsync(deferred.Id, new TransferUpdateRequest { Close = true }));
        Assert.Equal("REQUEST_NOT_VALID", lateClose.ErrorType);

        var other = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 1000m, TransferRequestAction.Deferred));
        Assert.Equal(TransferStatus.CANCELLED, (await transfers.UpdateTransferAsync(other.Id, new TransferUpdateRequest { Close = true })).Status);
        Assert.Equal(TransferStatus.CANCELLED, (await transfers.UpdateTransferAsync(other.Id, new TransferUpdateRequest { Close = true })).Status);
        await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.UpdateTransferAsync(other.Id, new TransferUpdateRequest { Initiate = true }));
        Assert.Equal(TransferStatus.CANCELLED, (await transfers.GetTransferAsync(other.Id)).Status);

        var instant = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 10m));
        await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.UpdateTransferAsync(instant.Id, new TransferUpdateRequest { Initiate = true }));
        var third = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 10m, TransferRequestAction.Deferred));
        await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.UpdateTransferAsync(third.Id, new TransferUpdateRequest { Initiate = true, Close = true }));
        await Assert.ThrowsAsync<ApiNotFoundException>(() => transfers.UpdateTransferAsync("trf_nothere000", new TransferUpdateRequest { Close = true }));
        Assert.Equal(before - 1010.75m - 20.75m, s.Server.Balance());
    }

    [Fact]
    public async Task Scheduled_RunsAtItsLocalTime_OnTheSandboxClock_AndCanBeMoved()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 27, 12, 0, 0, TimeSpan.Zero));
        await using var s = await SandboxClient.StartAsync(new SandboxOptions { TimeProvider = clock });
        var recipient = await s.NgnRecipientIdAsync();
        var transfers = s.Client.Transfers;
        var request = Payouts.Transfer(recipient, 1000m, TransferRequestAction.Scheduled);

        var missing = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.CreateTransferAsync(request));
        Assert.Contains(missing.ValidationErrors, e => e.FieldName == "disburse_option");
        request.DisburseOption = new DisburseOption { DateTime = "2025-03-27T15:00:00", Timezone = "Mars/Olympus" };
        var zone = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.CreateTransferAsync(request));
        Assert.Contains(zone.ValidationErrors, e => e.FieldName == "disburse_option.timezone");

        // 15:00 in Lagos (UTC+1) is 14:00 UTC.
        request.DisburseOption = new DisburseOption { DateTime = "2025-03-27T15:00:00", Timezone = "Africa/Lagos" };
        var scheduled = await transfers.CreateTransferAsync(request);
        Assert.Equal(TransferStatus.PENDING, scheduled.Status);
        Assert.Equal("Africa/Lagos", scheduled.DisburseOption!.Timezone);
        var before = s.Server.Balance();
        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(TransferStatus.PENDING, (await transfers.GetTransferAsync(scheduled.Id)).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TransferStatus.SUCCESSFUL, (await transfers.GetTransferAsync(scheduled.Id)).Status);
        Assert.Equal(before - 1010.75m, s.Server.Balance());

        request.DisburseOption = new DisburseOption { DateTime = "2025-03-28T09:00:00", Timezone = "Africa/Lagos" };
        var moved = await transfers.CreateTransferAsync(request);
        var summary = await transfers.UpdateTransferAsync(moved.Id, new TransferUpdateRequest { DisburseOption = new DisburseOption { DateTime = "2025-03-29T09:00:00", Timezone = "UTC" } });
        Assert.Equal(("2025-03-29T09:00:00", "UTC"), (summary.DisburseOption!.DateTime, summary.DisburseOption.Timezone));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(TransferStatus.PENDING, (await transfers.GetTransferAsync(moved.Id)).Status);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(TransferStatus.SUCCESSFUL, (await transfers.GetTransferAsync(moved.Id)).Status);
    }

    [Fact]
    public async Task Retry_OnlyAFailedTransfer_AndAChainPaysOutOnce_WhileDuplicateCopiesAny()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipient = await s.NgnRecipientIdAsync();
        var transfers = s.Client.Transfers;

        var ok = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m));
        var notFailed = await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.RetryTransferAsync(ok.Id, new TransferRetryRequest { Action = TransferRetryRequestAction.Retry }));
        Assert.Contains(notFailed.ValidationErrors, e => e.FieldName == "action");

        var failed = await transfers.CreateTransferAsync(Payouts.Transfer(recipient, 100m), Payouts.Scenario("scenario:payout_creation_error"));
        var failedAgain = await transfers.RetryTransferAsync(failed.Id, new TransferRetryRequest { Action = TransferRetryRequestAction.Retry }, Payouts.Scenario("scenario:blocked_bank"));
        Assert.Equal((TransferAction.Retry, failed.Id, failed.Reference), (failedAgain.Action!.Value, failedAgain.Retry!.ParentId, failedAgain.Retry.ParentReference));
        Assert.Equal(TransferStatus.FAILED, (await transfers.GetTransferAsync(failedAgain.Id)).Status);

        var before = s.Server.Balance();
        var reference = Payouts.NewReference("retry");
        var retried = await transfers.RetryTransferAsync(failedAgain.Id, new TransferRetryRequest { Action = TransferRetryRequestAction.Retry, Reference = reference });
        Assert.Equal((TransferStatus.NEW, reference, failedAgain.Id), (retried.Status!.Value, retried.Reference, retried.Retry!.ParentId));
        Assert.Equal(TransferStatus.SUCCESSFUL, (await transfers.GetTransferAsync(retried.Id)).Status);
        Assert.Equal(before - 110.75m, s.Server.Balance());

        // The chain has paid out: neither the original nor its first retry can be retried again.
        foreach (var id in new[] { failed.Id, failedAgain.Id })
        {
            await Assert.ThrowsAsync<ApiBadRequestException>(() => transfers.RetryTransferAsync(id, new TransferRetryRequest { Action = TransferRetryRequestAction.Retry }));
        }

        await Assert.ThrowsAsync<ApiConflictException>(() => transfers.RetryTransferAsync(failed.Id, new TransferRetryRequest { Action = TransferRetryRequestAction.Duplicate, Reference = reference }));
        var copy = await transfers.RetryTransferAsync(ok.Id, new TransferRetryRequest { Action = TransferRetryRequestAction.Duplicate });
        Assert.Equal((TransferAction.Duplicate, ok.Id), (copy.Action!.Value, copy.Duplicate!.ParentId));
        Assert.Equal(before - 221.50m, s.Server.Balance());
        await Assert.ThrowsAsync<ApiNotFoundException>(() => transfers.RetryTransferAsync("trf_nothere000", new TransferRetryRequest { Action = TransferRetryRequestAction.Duplicate }));
    }

    [Fact]
    public async Task Reversal_CreditsAmountAndFeeBack_Once()
    {
        await using var s = await SandboxClient.StartAsync();
        var before = s.Server.Balance();
        var transfer = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(await s.NgnRecipientIdAsync(), 2000m));
        var failed = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(await s.NgnRecipientIdAsync(), 2000m), Payouts.Scenario("scenario:blocked_bank"));

        Assert.True(s.Server.ReverseTransfer(transfer.Id));
        Assert.False(s.Server.ReverseTransfer(transfer.Id));
        Assert.False(s.Server.ReverseTransfer(failed.Id));
        Assert.Equal(before, s.Server.Balance());

        var reversed = await s.Client.Transfers.GetTransferAsync(transfer.Id);
        Assert.Equal(TransferStatus.SUCCESSFUL, reversed.Status);
        Assert.Equal(("SUCCESSFUL", "REVERSED", "C"), (reversed.Reversal!.InitialStatus, reversed.Reversal.ReconciliationStatus, reversed.Reversal.ReconciliationType.ToString()));
        var entries = (await s.Client.Wallets.GetWalletStatementAsync(Currency.NGN)).Transactions!;
        Assert.Equal(new[] { "reversal_fee", "reversal", "fee", "transfer" }, entries.Take(4).Select(e => e.TransactionType.ToString()));
        Assert.Equal(transfer.Id, entries[1].Transfer!.Id);
    }

    [Fact]
    public async Task Lists_FilterAndPageByCursor_AndTheStatementToo()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipient = await s.NgnRecipientIdAsync();
        var other = await s.NgnRecipientIdAsync();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(i % 3 == 0 ? other : recipient, 10m + i))).Id);
        }

        await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(recipient, 10m), Payouts.Scenario("scenario:blocked_bank"));
        var all = new List<string>();
        string? next = null;
        do
        {
            var page = await s.Client.Transfers.ListTransfersAsync(next: next, size: 10, status: "successful");
            all.AddRange(page.Transfers!.Select(t => t.Id));
            next = page.Cursor!.Next;
        }
        while (next is not null);

        Assert.Equal(ids.AsEnumerable().Reverse(), all);
        Assert.Equal(4, (await s.Client.Transfers.ListTransfersAsync(recipientId: other)).Cursor!.Total);
        Assert.Single((await s.Client.Transfers.ListTransfersAsync(status: "FAILED")).Transfers!);
        Assert.Empty((await s.Client.Transfers.ListTransfersAsync(bulkId: "blk_Rw4Yt6Ec1s")).Transfers!);
        Assert.Equal(13, (await s.Client.Transfers.ListTransfersAsync(sourceCurrency: Currency.NGN, type: TransferType.Bank, action: TransferAction.Instant)).Cursor!.Total);

        // 12 payouts, two entries each, and the opening balance: 25 entries over three pages.
        var entries = new List<WalletTransaction>();
        next = null;
        do
        {
            var page = await s.Client.Wallets.GetWalletStatementAsync(Currency.NGN, next: next, size: 10);
            entries.AddRange(page.Transactions!);
            next = page.Cursor!.Next;
        }
        while (next is not null);

        Assert.Equal(25, entries.Count);
        Assert.Equal("funding", entries[^1].TransactionType.ToString());
        for (var i = 0; i < entries.Count - 1; i++)
        {
            Assert.Equal(entries[i + 1].Balance!.After, entries[i].Balance!.Before);
        }

        Assert.Empty((await s.Client.Wallets.GetWalletStatementAsync(Currency.ZAR)).Transactions!);
        Assert.Equal(new[] { "NGN", "USD", "GHS", "KES", "GBP", "EUR" }, (await s.Client.Wallets.ListWalletBalancesAsync()).Select(b => b.Currency.ToString()));
        var notHeld = await Assert.ThrowsAsync<ApiNotFoundException>(() => s.Client.Wallets.GetWalletBalanceAsync(Currency.ZAR));
        Assert.Equal("RESOURCE_NOT_FOUND", notHeld.ErrorType);
    }
}
