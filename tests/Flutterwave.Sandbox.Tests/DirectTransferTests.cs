using System;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Direct transfers: recipient and sender inline, saved with the transfer; then an ordinary transfer.</summary>
public sealed class DirectTransferTests
{
    [Fact]
    public async Task MobileMoney_SavesRecipientAndSender_AndPaysFromTheGhsWallet()
    {
        await using var s = await SandboxClient.StartAsync();
        var before = s.Server.Balance("GHS");

        var transfer = await s.Client.DirectTransfers.CreateDirectTransferAsync(MobileMoney());

        Assert.Equal(("mobile_money", "GHS", TransferStatus.NEW), (transfer.Type.ToString(), transfer.DestinationCurrency.ToString(), transfer.Status!.Value));
        Assert.StartsWith("rcm_", transfer.Recipient!.Id, StringComparison.Ordinal);
        Assert.Equal(("generic_sender", "Ada"), (transfer.Sender!.Type.ToString(), transfer.Sender.Name!.First));
        Assert.Equal(transfer.Recipient.Id, (await s.Client.TransferRecipients.GetTransferRecipientAsync(transfer.Recipient.Id)).Id);
        Assert.Equal(transfer.Sender.Id, (await s.Client.TransferSenders.GetTransferSenderAsync(transfer.Sender.Id)).Id);
        Assert.Equal(TransferStatus.SUCCESSFUL, (await s.Client.Transfers.GetTransferAsync(transfer.Id)).Status);
        Assert.Equal(before - 150m - 1.50m, s.Server.Balance("GHS"));
    }

    [Fact]
    public async Task MissingMembers_AreAllNamed_AndNothingIsSaved()
    {
        await using var s = await SandboxClient.StartAsync();
        var request = MobileMoney();
        request.PaymentInstruction.Recipient = new DirectTransferRecipient { MobileMoney = new TransferMobileMoney { Network = "MTN" } };
        request.PaymentInstruction.Sender = new DirectTransferSender { Email = "ada@example.com" };

        var error = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.DirectTransfers.CreateDirectTransferAsync(request));

        Assert.Equal(
            new[] { "payment_instruction.sender.name", "payment_instruction.recipient.name", "payment_instruction.recipient.mobile_money.msisdn" },
            error.ValidationErrors.Select(e => e.FieldName));
        var snapshot = s.Server.Snapshot();
        Assert.Empty(snapshot.Transfers);
        Assert.Empty(snapshot.TransferRecipients);
        Assert.Empty(snapshot.TransferSenders);

        var euro = new DirectTransferRequest
        {
            Action = TransferRequestAction.Instant,
            Type = DirectTransferRequestType.Bank,
            PaymentInstruction = new DirectTransferPaymentInstruction
            {
                SourceCurrency = Currency.EUR,
                DestinationCurrency = Currency.EUR,
                Amount = new TransferAmount { Value = 10m, AppliesTo = TransferAmountAppliesTo.DestinationCurrency },
                Recipient = new DirectTransferRecipient { Bank = new TransferBankAccount { AccountNumber = "DE89370400440532013000" } },
            },
        };
        var international = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.DirectTransfers.CreateDirectTransferAsync(euro));
        Assert.Contains(international.ValidationErrors, e => e.FieldName == "payment_instruction.sender");
        Assert.Contains(international.ValidationErrors, e => e.FieldName == "payment_instruction.recipient.bank.swift_code");
        Assert.Contains(international.ValidationErrors, e => e.FieldName == "payment_instruction.recipient.address");
    }

    [Fact]
    public async Task WalletPayouts_ToATestWallet_Succeed_ToAnUnknownOne_Fail()
    {
        await using var s = await SandboxClient.StartAsync();

        var noCurrency = Wallet("7981223");
        noCurrency.PaymentInstruction.DestinationCurrency = null;
        var missing = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.DirectTransfers.CreateDirectTransferAsync(noCurrency));
        Assert.Contains(missing.ValidationErrors, e => e.FieldName == "payment_instruction.destination_currency");

        var known = await s.Client.DirectTransfers.CreateDirectTransferAsync(Wallet("7981223"));
        var unknown = await s.Client.DirectTransfers.CreateDirectTransferAsync(Wallet("1234567"));
        Assert.StartsWith("rcw_", known.Recipient!.Id, StringComparison.Ordinal);
        Assert.Equal(TransferStatus.SUCCESSFUL, (await s.Client.Transfers.GetTransferAsync(known.Id)).Status);
        var failed = await s.Client.Transfers.GetTransferAsync(unknown.Id);
        Assert.Equal(("transfer_failed", "0309"), (failed.ProviderResponse!.Type.ToString(), failed.ProviderResponse.Code));
    }

    [Fact]
    public async Task DirectTransfers_ReadScenarios_AndAreRetriedThroughTransfers()
    {
        await using var s = await SandboxClient.StartAsync();
        var failed = await s.Client.DirectTransfers.CreateDirectTransferAsync(MobileMoney(), Payouts.Scenario("scenario:insufficient_balance"));
        Assert.Equal(TransferStatus.FAILED, (await s.Client.Transfers.GetTransferAsync(failed.Id)).Status);

        var retried = await s.Client.Transfers.RetryTransferAsync(failed.Id, new TransferRetryRequest { Action = TransferRetryRequestAction.Retry });
        Assert.Equal(TransferStatus.SUCCESSFUL, (await s.Client.Transfers.GetTransferAsync(retried.Id)).Status);
        Assert.Equal(failed.Recipient!.Id, retried.Recipient!.Id);
        Assert.Single(s.Server.Snapshot().TransferRecipients);
    }

    private static DirectTransferRequest MobileMoney() => new()
    {
        Action = TransferRequestAction.Instant,
        Type = DirectTransferRequestType.MobileMoney,
        Narration = "Delivery fee",
        PaymentInstruction = new DirectTransferPaymentInstruction
        {
            SourceCurrency = Currency.GHS,
            DestinationCurrency = Currency.GHS,
            Amount = new TransferAmount { Value = 150m, AppliesTo = TransferAmountAppliesTo.DestinationCurrency },
            Recipient = new DirectTransferRecipient
            {
                Name = new CustomerName { First = "Ama", Last = "Owusu" },
                MobileMoney = new TransferMobileMoney { Network = "MTN", Msisdn = "233241234567" },
            },
            Sender = new DirectTransferSender { Name = new CustomerName { First = "Ada", Last = "Lovelace" } },
        },
    };

    private static DirectTransferRequest Wallet(string identifier) => new()
    {
        Action = TransferRequestAction.Instant,
        Type = DirectTransferRequestType.Wallet,
        PaymentInstruction = new DirectTransferPaymentInstruction
        {
            SourceCurrency = Currency.USD,
            DestinationCurrency = Currency.USD,
            Amount = new TransferAmount { Value = 25m, AppliesTo = TransferAmountAppliesTo.DestinationCurrency },
            Recipient = new DirectTransferRecipient { Wallet = new TransferWallet { Provider = "flutterwave", Identifier = identifier } },
        },
    };
}
