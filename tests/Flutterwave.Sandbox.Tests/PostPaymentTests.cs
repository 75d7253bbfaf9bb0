using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Refunds, chargebacks and settlements, and what they do to the charge and the wallet.</summary>
public sealed class PostPaymentTests
{
    [Fact]
    public async Task Refunds_PartialThenFull_NeverMoreThanWhatIsLeft()
    {
        await using var s = await SandboxClient.StartAsync();
        var refunds = s.Client.Refunds;
        var charge = await s.SucceededChargeAsync(100m);

        var first = await refunds.CreateRefundAsync(new RefundRequest { ChargeId = charge.Id, Amount = 30m, Reason = RefundReason.Duplicate });
        Assert.StartsWith("ref_", first.Id, StringComparison.Ordinal);
        Assert.Equal("new", first.Status.ToString());
        Assert.Equal(30m, first.AmountRefunded);
        Assert.Equal(charge.Id, first.ChargeId);
        Assert.True((await s.Client.Charges.GetChargeAsync(charge.Id)).Refunded);

        var tooMuch = await Assert.ThrowsAsync<ApiBadRequestException>(() => refunds.CreateRefundAsync(new RefundRequest { ChargeId = charge.Id, Amount = 70.01m }));
        Assert.Equal(("REFUND_AMOUNT_INVALID", "1402400"), (tooMuch.ErrorType, tooMuch.ErrorCode));

        var rest = await refunds.CreateRefundAsync(new RefundRequest { ChargeId = charge.Id, Amount = 70m });
        Assert.Equal("requested_by_customer", rest.Reason.ToString());
        var done = await Assert.ThrowsAsync<ApiBadRequestException>(() => refunds.CreateRefundAsync(new RefundRequest { ChargeId = charge.Id, Amount = 0.01m }));
        Assert.Equal(("REFUND_ALREADY_COMPLETED", "1404400"), (done.ErrorType, done.ErrorCode));

        Assert.Equal("succeeded", (await refunds.GetRefundAsync(first.Id)).Status.ToString());
        Assert.Equal(100m, s.Server.Snapshot().Refunds.Sum(r => r.Amount));
    }

    [Fact]
    public async Task Refunds_OfAFailedOrUnknownCharge_AndAnUnknownRefund_AreTheDocumentedErrors()
    {
        await using var s = await SandboxClient.StartAsync();
        var declined = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(), Payouts.Scenario("issuer:do_not_honor"));

        var failed = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Refunds.CreateRefundAsync(new RefundRequest { ChargeId = declined.Id, Amount = 1m }));
        Assert.Equal(("REFUND_CREATION_FAILED", "1403400"), (failed.ErrorType, failed.ErrorCode));
        var unknown = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Refunds.CreateRefundAsync(new RefundRequest { ChargeId = "chg_nothere000", Amount = 1m }));
        Assert.Equal("REQUEST_NOT_VALID", unknown.ErrorType);
        Assert.Contains(unknown.ValidationErrors, e => e.FieldName == "charge_id");
        var missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => s.Client.Refunds.GetRefundAsync("ref_nothere000"));
        Assert.Equal(("REFUND_NOT_FOUND", "1401404"), (missing.ErrorType, missing.ErrorCode));
        Assert.Empty(s.Server.Snapshot().Refunds);
        Assert.NotEqual(true, (await s.Client.Charges.GetChargeAsync(declined.Id)).Refunded);
    }

    [Fact]
    public async Task Refunds_ListByPageNumber_NewestFirst_WithinAPeriod()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new SandboxOptions { TimeProvider = clock };
        await using var s = await SandboxClient.StartAsync(options);
        var charge = await s.SucceededChargeAsync(1000m);
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await s.Client.Refunds.CreateRefundAsync(new RefundRequest { ChargeId = charge.Id, Amount = 1m })).Id);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var first = await s.Client.Refunds.ListRefundsAsync(page: 1, size: 10);
        var second = await s.Client.Refunds.ListRefundsAsync(page: 2, size: 10);
        Assert.Equal(ids.AsEnumerable().Reverse(), first.Items.Concat(second.Items).Select(r => r.Id));
        Assert.Equal((12, 1, 2), (first.PageInfo!.Total, first.PageInfo.CurrentPage, first.PageInfo.TotalPages));
        Assert.True(first.HasNextPage);

        var start = clock.GetUtcNow() - TimeSpan.FromHours(5.5);
        var recent = await s.Client.Refunds.ListRefundsAsync(from: start, to: clock.GetUtcNow());
        Assert.Equal(ids.Skip(7).Reverse(), recent.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Settlements_AreMadeOnRead_FromSucceededCharges_NetOfFeesAndRefunds_AndCreditTheWallet()
    {
        await using var s = await SandboxClient.StartAsync();
        var before = s.Server.Balance();
        var a = await s.SucceededChargeAsync(400m);
        var b = await s.SucceededChargeAsync(600m);
        await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(amount: 50m), Payouts.Scenario("issuer:do_not_honor"));
        await s.Client.Refunds.CreateRefundAsync(new RefundRequest { ChargeId = a.Id, Amount = 7.61m });

        var settlement = Assert.Single((await s.Client.Settlements.ListSettlementsAsync()).Items);
        Assert.Null(settlement.Charges);
        var full = await s.Client.Settlements.GetSettlementAsync(settlement.Id);

        // app 1.4% and vat 7.5% of it, per charge: 5.60 + 0.42 and 8.40 + 0.63.
        Assert.Equal(1000m, full.GrossAmount);
        Assert.Equal(new[] { ("app", 14.00m), ("vat", 1.05m) }, full.Fees!.Select(f => (f.Type!, f.Amount!.Value)));
        Assert.Equal("7.61", full.Refund);
        Assert.Equal("0.00", full.Chargeback);
        Assert.Equal("2", full.ChargeCount);
        Assert.Equal(1000m - 15.05m - 7.61m, full.NetAmount);
        Assert.Equal("completed", full.Status.ToString());
        Assert.Equal(new[] { (a.Id, 400m, 393.98m), (b.Id, 600m, 590.97m) }, full.Charges!.Select(ch => (ch.Id, ch.ChargedAmount!.Value, ch.SettlementAmount!.Value)));
        Assert.Equal(before + full.NetAmount, s.Server.Balance());

        var charge = await s.Client.Charges.GetChargeAsync(a.Id);
        Assert.True(charge.Settled);
        Assert.Equal(new[] { settlement.Id }, charge.SettlementId);

        // Nothing new: no new settlement, no second credit.
        Assert.Single((await s.Client.Settlements.ListSettlementsAsync()).Items);
        Assert.Equal(before + full.NetAmount, s.Server.Balance());
        var missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => s.Client.Settlements.GetSettlementAsync("stm_nothere000"));
        Assert.Equal(("SETTLEMENT_NOT_FOUND", "1500404"), (missing.ErrorType, missing.ErrorCode));
    }

    [Fact]
    public async Task Settlements_DeductARefundOfAnEarlierSettledCharge_FromTheNextOne_WithoutGoingNegative()
    {
        await using var s = await SandboxClient.StartAsync();
        var big = await s.SucceededChargeAsync(1000m);
        await s.Client.Settlements.ListSettlementsAsync();
        await s.Client.Refunds.CreateRefundAsync(new RefundRequest { ChargeId = big.Id, Amount = 500m });

        // A small charge cannot carry the 500.00 refund: it waits.
        await s.SucceededChargeAsync(100m);
        var small = (await s.Client.Settlements.ListSettlementsAsync()).Items[0];
        Assert.Equal("0.00", small.Refund);
        Assert.Equal(100m - 1.40m - 0.11m, small.NetAmount);

        await s.SucceededChargeAsync(2000m);
        var large = (await s.Client.Settlements.ListSettlementsAsync()).Items[0];
        Assert.Equal("500.00", large.Refund);
        Assert.Equal(2000m - 28.00m - 2.10m - 500m, large.NetAmount);
        Assert.Equal(large.Id, s.Server.Snapshot().Refunds.Single().SettlementId);
    }

    [Fact]
    public async Task Chargebacks_CreateMarksTheChargeDisputed_WithTheDocumentedErrors()
    {
        await using var s = await SandboxClient.StartAsync();
        var chargebacks = s.Client.Chargebacks;
        var charge = await s.SucceededChargeAsync(100m);

        var tooMuch = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.CreateChargebackAsync(Dispute(charge.Id, 100.01m)));
        Assert.Equal(("CHARGEBACK_AMOUNT_INVALID", "1707400"), (tooMuch.ErrorType, tooMuch.ErrorCode));
        var unknown = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.CreateChargebackAsync(Dispute("chg_nothere000", 1m)));
        Assert.Contains(unknown.ValidationErrors, e => e.FieldName == "charge_id");

        var chargeback = await chargebacks.CreateChargebackAsync(Dispute(charge.Id, 40m));
        Assert.StartsWith("chb_", chargeback.Id, StringComparison.Ordinal);
        Assert.Equal(("pending", "new"), (chargeback.Status.ToString(), chargeback.Stage.ToString()));
        Assert.Equal(TimeSpan.FromHours(72), chargeback.DueDatetime - chargeback.CreatedDatetime);
        Assert.True((await s.Client.Charges.GetChargeAsync(charge.Id)).Disputed);

        var open = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.CreateChargebackAsync(Dispute(charge.Id, 1m)));
        Assert.Equal(("CHARGEBACK_HAS_EXISTING_CHARGE", "1708400"), (open.ErrorType, open.ErrorCode));
        var missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => chargebacks.GetChargebackAsync("chb_nothere000"));
        Assert.Equal(("CHARGEBACK_NOT_FOUND", "1700404"), (missing.ErrorType, missing.ErrorCode));
        Assert.Single((await chargebacks.ListChargebacksAsync()).Items);
    }

    [Fact]
    public async Task Chargebacks_DeclineNeedsValidEvidence_ThenIsWon_AndADecidedOneCannotChange()
    {
        await using var s = await SandboxClient.StartAsync();
        var chargebacks = s.Client.Chargebacks;
        var chargeback = await chargebacks.CreateChargebackAsync(Dispute((await s.SucceededChargeAsync()).Id, 10m));

        var noProof = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.UpdateChargebackAsync(chargeback.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Declined }));
        Assert.Equal(("CHARGEBACK_DECLINE_INVALID", "1703400"), (noProof.ErrorType, noProof.ErrorCode));
        var badLink = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.UpdateChargebackAsync(chargeback.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Declined, UploadedProof = "ftp://example.com/x.pdf" }));
        Assert.Equal(("CHARGEBACK_PROOF_INVALID", "1704400"), (badLink.ErrorType, badLink.ErrorCode));
        var badData = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.UpdateChargebackAsync(chargeback.Id, new ChargebackUpdateRequest { ProofData = "not base64!" }));
        Assert.Equal("CHARGEBACK_PROOF_INVALID", badData.ErrorType);
        var past = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.UpdateChargebackAsync(chargeback.Id, new ChargebackUpdateRequest { DueDatetime = DateTimeOffset.UtcNow.AddDays(-1) }));
        Assert.Equal(("CHARGEBACK_DUE_DATE_INVALID", "1706400"), (past.ErrorType, past.ErrorCode));

        var declined = await chargebacks.UpdateChargebackAsync(chargeback.Id, new ChargebackUpdateRequest
        {
            Status = ChargebackUpdateRequestStatus.Declined,
            ProofData = "JVBERi0xLjcKJcfsj6IKNSAwIG9iago=",
            Comment = "Delivered",
        });
        Assert.Equal("declined", declined.Status.ToString());
        Assert.Equal("Delivered", declined.Comment);
        Assert.Equal("won", (await chargebacks.GetChargebackAsync(chargeback.Id)).Status.ToString());

        var final = await Assert.ThrowsAsync<ApiBadRequestException>(() => chargebacks.UpdateChargebackAsync(chargeback.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Accepted }));
        Assert.Equal("REQUEST_NOT_VALID", final.ErrorType);
        Assert.Equal(0, s.Server.Snapshot().Wallets.Single(w => w.Currency == "NGN").Movements.Count(m => m.Type == "chargeback"));
    }

    [Fact]
    public async Task Chargebacks_AcceptedBeforeSettlement_AreDeductedFromIt_AfterSettlement_AreDebitedFromTheWallet()
    {
        await using var s = await SandboxClient.StartAsync();
        var chargebacks = s.Client.Chargebacks;
        var unsettled = await s.SucceededChargeAsync(1000m);
        var early = await chargebacks.CreateChargebackAsync(Dispute(unsettled.Id, 100m));
        var accepted = await chargebacks.UpdateChargebackAsync(early.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Accepted }, Payouts.Key("accept-" + early.Id));

        // The PUT takes an idempotency key: a repeat is replayed, not applied again.
        var replay = await chargebacks.UpdateChargebackAsync(early.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Accepted }, Payouts.Key("accept-" + early.Id));
        Assert.Equal(accepted.UpdatedDatetime, replay.UpdatedDatetime);
        Assert.Equal(1, s.Server.Snapshot().IdempotentReplays);

        var settlement = (await s.Client.Settlements.ListSettlementsAsync()).Items.Single();
        Assert.Equal("100.00", settlement.Chargeback);
        Assert.Equal(1000m - 15.05m - 100m, settlement.NetAmount);
        Assert.Equal(settlement.Id, (await chargebacks.GetChargebackAsync(early.Id)).SettlementId);

        var settled = await s.SucceededChargeAsync(500m);
        await s.Client.Settlements.ListSettlementsAsync();
        var balance = s.Server.Balance();
        var late = await chargebacks.CreateChargebackAsync(Dispute(settled.Id, 50m, initiated: true));
        Assert.Equal("initiated", late.Status.ToString());
        await chargebacks.UpdateChargebackAsync(late.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Accepted });
        Assert.Equal(balance - 50m, s.Server.Balance());
        var entry = (await s.Client.Wallets.GetWalletStatementAsync(Currency.NGN)).Transactions![0];
        Assert.Equal(("debit", "chargeback", 50m), (entry.TransactionDirection.ToString(), entry.TransactionType.ToString(), entry.Amount!.Value));
        Assert.Equal((balance, balance - 50m), (entry.Balance!.Before, entry.Balance.After));

        // Taken once: the next settlement does not deduct it again.
        await s.SucceededChargeAsync(100m);
        Assert.Equal("0.00", (await s.Client.Settlements.ListSettlementsAsync()).Items[0].Chargeback);
        Assert.All(s.Server.Snapshot().Chargebacks, cb => Assert.True(cb.Deducted));
    }

    [Fact]
    public async Task Chargebacks_StillWaitingAtTheirDueTime_AreAccepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await SandboxClient.StartAsync(new SandboxOptions { TimeProvider = clock });
        var charge = await s.SucceededChargeAsync(100m);
        var chargeback = await s.Client.Chargebacks.CreateChargebackAsync(new ChargebackRequest { ChargeId = charge.Id, Amount = 20m, Type = ChargebackType.International, Expiry = 2 });

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("pending", (await s.Client.Chargebacks.GetChargebackAsync(chargeback.Id)).Status.ToString());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("accepted", (await s.Client.Chargebacks.GetChargebackAsync(chargeback.Id)).Status.ToString());
        var late = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Chargebacks.UpdateChargebackAsync(
            chargeback.Id, new ChargebackUpdateRequest { Status = ChargebackUpdateRequestStatus.Declined, UploadedProof = "https://example.com/p.pdf" }));
        Assert.Contains(late.ValidationErrors, e => e.FieldName == "status");
        Assert.Equal("20.00", (await s.Client.Settlements.ListSettlementsAsync()).Items.Single().Chargeback);
    }

    private static ChargebackRequest Dispute(string chargeId, decimal amount, bool initiated = false) => new()
    {
        ChargeId = chargeId,
        Amount = amount,
        Type = ChargebackType.Local,
        Expiry = 72,
        Status = initiated ? ChargebackRequestStatus.Initiated : ChargebackRequestStatus.Pending,
        Provider = "MASTERCARD",
    };
}
