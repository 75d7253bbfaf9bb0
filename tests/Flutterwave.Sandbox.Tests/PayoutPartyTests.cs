using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Transfer recipients, senders and rate quotes.</summary>
public sealed class PayoutPartyTests
{
    [Fact]
    public async Task Recipients_SplitTheirType_AndListEveryMissingMember()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipients = s.Client.TransferRecipients;

        var ngn = await recipients.CreateTransferRecipientAsync(Payouts.NgnRecipient());
        Assert.StartsWith("rcb_", ngn.Id, StringComparison.Ordinal);
        Assert.Equal(("bank", "NGN"), (ngn.Type.ToString(), ngn.Currency.ToString()));
        Assert.Equal("0690000031", ngn.Bank!.AccountNumber);

        var ghs = await Assert.ThrowsAsync<ApiBadRequestException>(() => recipients.CreateTransferRecipientAsync(new TransferRecipientRequest
        {
            Type = TransferRecipientRequestType.BankGhs,
            Name = new CustomerName { First = "Ama" },
            Bank = new TransferBankAccount { AccountNumber = "0123456789" },
        }));
        Assert.Equal(new[] { "name.last", "bank.code", "bank.branch" }, ghs.ValidationErrors.Select(e => e.FieldName));

        var gbp = await Assert.ThrowsAsync<ApiBadRequestException>(() => recipients.CreateTransferRecipientAsync(new TransferRecipientRequest
        {
            Type = TransferRecipientRequestType.BankGbp,
            Name = new CustomerName { First = "Ada", Last = "Lovelace" },
            Phone = new Phone { CountryCode = "44" },
            Bank = new TransferBankAccount { AccountNumber = "55779911", AccountType = TransferBankAccountAccountType.Checking, Name = "Barclays", SortCode = "200000" },
        }));
        Assert.Equal(new[] { "email", "phone.number", "address", "bank.account_type" }, gbp.ValidationErrors.Select(e => e.FieldName));

        var momo = await recipients.CreateTransferRecipientAsync(new TransferRecipientRequest
        {
            Type = TransferRecipientRequestType.MobileMoneyXaf,
            Name = new CustomerName { First = "Paul", Last = "Biya" },
            MobileMoney = new TransferMobileMoney { Network = "MTN", Country = "CM", Msisdn = "237670000000" },
        });
        Assert.StartsWith("rcm_", momo.Id, StringComparison.Ordinal);
        Assert.Equal(("mobile_money", "XAF"), (momo.Type.ToString(), momo.Currency.ToString()));
        Assert.Equal(momo.Id, (await recipients.GetTransferRecipientAsync(momo.Id)).Id);
    }

    [Fact]
    public async Task Recipients_Delete_ThenTheyAre404_AndTransfersKeepTheirCopy()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipients = s.Client.TransferRecipients;
        var id = await s.NgnRecipientIdAsync();
        var transfer = await s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(id, 100m));

        var deleted = await recipients.DeleteTransferRecipientAsync(id);
        Assert.Equal("success", deleted.Status.ToString());
        Assert.Equal("Transfer recipient deleted", deleted.Message);
        await Assert.ThrowsAsync<ApiNotFoundException>(() => recipients.GetTransferRecipientAsync(id));
        await Assert.ThrowsAsync<ApiNotFoundException>(() => recipients.DeleteTransferRecipientAsync(id));
        Assert.Equal(id, (await s.Client.Transfers.GetTransferAsync(transfer.Id)).Recipient!.Id);
        var reuse = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Transfers.CreateTransferAsync(Payouts.Transfer(id, 100m)));
        Assert.Contains(reuse.ValidationErrors, e => e.FieldName == "payment_instruction.recipient_id");
    }

    [Fact]
    public async Task Recipients_CursorPages_ForwardAndBack_AndBadCursorsAre400()
    {
        await using var s = await SandboxClient.StartAsync();
        var recipients = s.Client.TransferRecipients;
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await s.NgnRecipientIdAsync());
        }

        var seen = new List<string>();
        var pages = new List<TransferRecipientPage>();
        string? next = null;
        do
        {
            var page = await recipients.ListTransferRecipientsAsync(next: next, size: 10);
            pages.Add(page);
            seen.AddRange(page.Recipients!.Select(r => r.Id));
            next = page.Cursor!.Next;
        }
        while (next is not null);

        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
        Assert.Equal(3, pages.Count);
        Assert.Equal(new[] { true, true, false }, pages.Select(p => p.Cursor!.HasMoreItems!.Value));
        Assert.All(pages, p => Assert.Equal((10, 23), (p.Cursor!.Limit!.Value, p.Cursor.Total!.Value)));
        Assert.Null(pages[0].Cursor!.Previous);

        var back = await recipients.ListTransferRecipientsAsync(previous: pages[2].Cursor!.Previous, size: 10);
        Assert.Equal(pages[1].Recipients!.Select(r => r.Id), back.Recipients!.Select(r => r.Id));

        var garbage = await Assert.ThrowsAsync<ApiBadRequestException>(() => recipients.ListTransferRecipientsAsync(next: "bm90LWEtY3Vyc29y"));
        Assert.Equal(("INVALID_PAGINATION_TYPE", "701500"), (garbage.ErrorType, garbage.ErrorCode));
        var both = await Assert.ThrowsAsync<ApiBadRequestException>(() => recipients.ListTransferRecipientsAsync(next: pages[0].Cursor!.Next, previous: pages[2].Cursor!.Previous));
        Assert.Equal("INVALID_PAGINATION_TYPE", both.ErrorType);
        var small = await Assert.ThrowsAsync<ApiBadRequestException>(() => recipients.ListTransferRecipientsAsync(size: 5));
        Assert.Contains(small.ValidationErrors, e => e.FieldName == "size");
    }

    [Fact]
    public async Task Senders_GenericNeedsAName_BankSendersTheirContact_AndTheyPageAndDelete()
    {
        await using var s = await SandboxClient.StartAsync();
        var senders = s.Client.TransferSenders;

        var generic = await senders.CreateTransferSenderAsync(new TransferSenderRequest { Type = TransferSenderType.GenericSender, Name = new CustomerName { First = "Ada", Last = "Lovelace" } });
        Assert.StartsWith("sdr_", generic.Id, StringComparison.Ordinal);
        Assert.Equal("generic_sender", generic.Type.ToString());

        var oneName = await Assert.ThrowsAsync<ApiBadRequestException>(() => senders.CreateTransferSenderAsync(new TransferSenderRequest { Type = TransferSenderType.GenericSender, Name = new CustomerName { First = "Ada" } }));
        Assert.Equal(new[] { "name.last" }, oneName.ValidationErrors.Select(e => e.FieldName));
        var bank = await Assert.ThrowsAsync<ApiBadRequestException>(() => senders.CreateTransferSenderAsync(new TransferSenderRequest
        {
            Type = TransferSenderType.BankEur,
            Name = new CustomerName { First = "Ada", Last = "Lovelace" },
            Email = "ada@example.com",
            Phone = new Phone { CountryCode = "44", Number = "7700900123" },
            Address = new Address { Line1 = "10 Downing Street", City = "London", Country = "GB" },
        }));
        Assert.Equal(new[] { "address.state", "address.postal_code" }, bank.ValidationErrors.Select(e => e.FieldName));

        for (var i = 0; i < 11; i++)
        {
            await senders.CreateTransferSenderAsync(new TransferSenderRequest { Type = TransferSenderType.GenericSender, Name = new CustomerName { First = "Sender", Last = "Number" } });
        }

        var first = await senders.ListTransferSendersAsync();
        var second = await senders.ListTransferSendersAsync(next: first.Cursor!.Next);
        Assert.Equal((10, 2, false), (first.Senders!.Count, second.Senders!.Count, second.Cursor!.HasMoreItems!.Value));
        Assert.Equal(generic.Id, second.Senders![^1].Id);

        await senders.DeleteTransferSenderAsync(generic.Id);
        await Assert.ThrowsAsync<ApiNotFoundException>(() => senders.GetTransferSenderAsync(generic.Id));
        Assert.Equal(11, s.Server.Snapshot().TransferSenders.Count);
    }

    [Fact]
    public async Task Rates_QuoteWhatTheDestinationAmountCosts_AndExpire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await SandboxClient.StartAsync(new SandboxOptions { TimeProvider = clock });
        var rates = s.Client.TransferRates;

        // The spec's example: 1200.56 NGN for 0.78 USD at 0.00065.
        var quote = await rates.CreateTransferRateAsync(new TransferRateRequest
        {
            Source = new TransferRateRequestSource { Currency = Currency.USD },
            Destination = new TransferRateRequestDestination { Currency = Currency.NGN, Amount = 1200.56m },
            Precision = 2,
        });
        Assert.StartsWith("rte_", quote.Id, StringComparison.Ordinal);
        Assert.Equal(("0.00065", "0.78", "1200.56"), (quote.Rate, quote.Source!.Amount, quote.Destination!.Amount));

        var cross = await rates.CreateTransferRateAsync(new TransferRateRequest
        {
            Source = new TransferRateRequestSource { Currency = Currency.GBP },
            Destination = new TransferRateRequestDestination { Currency = Currency.KES, Amount = 1000m },
        });
        Assert.Equal("6.102564", cross.Source!.Amount); // 1000 * 11.90 / 1950, six places by default
        Assert.Equal("1000.000000", cross.Destination!.Amount);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(quote.Rate, (await rates.GetTransferRateAsync(quote.Id)).Rate);
        clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await Assert.ThrowsAsync<ApiNotFoundException>(() => rates.GetTransferRateAsync(quote.Id));
        Assert.Contains("expired", expired.ErrorMessage, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ApiNotFoundException>(() => rates.GetTransferRateAsync("rte_nothere000"));
        Assert.Equal(new[] { "expired", "expired" }, s.Server.Snapshot().TransferRates.Select(r => r.Status));

        var noRate = await Assert.ThrowsAsync<ApiBadRequestException>(() => rates.CreateTransferRateAsync(new TransferRateRequest
        {
            Source = new TransferRateRequestSource { Currency = Currency.NGN },
            Destination = new TransferRateRequestDestination { Currency = Currency.ZAR, Amount = 10m },
        }));
        Assert.Contains(noRate.ValidationErrors, e => e.FieldName == "destination.currency");
    }
}
