namespace Flutterwave.Runtime.Tests.Errors;

public sealed class FlutterwavePaymentDeclinedExceptionTests
{
    [Fact]
    public void Constructor_KeepsEveryValue_AndDerivesTheCustomerView()
    {
        var error = new FlutterwavePaymentDeclinedException("chg_RCDsCBDyaV", "chg-20250327-0001", "failed", "insufficient_funds", "51");

        Assert.Equal("chg_RCDsCBDyaV", error.ObjectId);
        Assert.Equal("chg-20250327-0001", error.Reference);
        Assert.Equal("failed", error.Status);
        Assert.Equal("insufficient_funds", error.DeclineType);
        Assert.Equal("51", error.DeclineCode);
        Assert.Equal(FlutterwavePaymentDeclinedException.DescribeForCustomer("insufficient_funds"), error.CustomerMessage);
        Assert.False(error.MayRetryLater);
        Assert.Equal(
            "The payment chg_RCDsCBDyaV (reference chg-20250327-0001) was declined: insufficient_funds (code 51). See DeclineType, DeclineCode and CustomerMessage.",
            error.Message);
    }

    [Theory]
    [InlineData("insufficient_funds", "funds")]
    [InlineData("do_not_honor", "contact your bank")]
    [InlineData("suspected_fraud", "contact your bank")]
    [InlineData("expired_card", "expired")]
    [InlineData("incorrect_pin", "PIN")]
    [InlineData("invalid_cvv", "CVV")]
    [InlineData("issuer_unavailable", "try again in a few minutes")]
    [InlineData("system_error", "try again in a few minutes")]
    public void DescribeForCustomer_TellsThePayerWhatToDo(string declineType, string expected)
    {
        var text = FlutterwavePaymentDeclinedException.DescribeForCustomer(declineType);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(declineType, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fraud", text, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeForCustomer_SuspectedFraud_ReadsLikeAnyBankDecline()
    {
        Assert.Equal(
            FlutterwavePaymentDeclinedException.DescribeForCustomer("do_not_honor"),
            FlutterwavePaymentDeclinedException.DescribeForCustomer("suspected_fraud"));
    }

    [Fact]
    public void DescribeForCustomer_IgnoresCaseAndSurroundingSpace()
    {
        Assert.Equal(
            FlutterwavePaymentDeclinedException.DescribeForCustomer("expired_card"),
            FlutterwavePaymentDeclinedException.DescribeForCustomer(" EXPIRED_CARD "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("approved_but_odd")]
    [InlineData("some_new_reason")]
    public void DescribeForCustomer_UnknownOrMissingType_GivesAGenericText(string? declineType)
    {
        var text = FlutterwavePaymentDeclinedException.DescribeForCustomer(declineType);

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal(FlutterwavePaymentDeclinedException.DescribeForCustomer("never_heard_of_it"), text);
        Assert.NotEqual(FlutterwavePaymentDeclinedException.DescribeForCustomer("insufficient_funds"), text);
    }

    [Theory]
    [InlineData("issuer_unavailable", true)]
    [InlineData("system_error", true)]
    [InlineData("Issuer_Unavailable", true)]
    [InlineData("insufficient_funds", false)]
    [InlineData("do_not_honor", false)]
    [InlineData("expired_card", false)]
    [InlineData("incorrect_pin", false)]
    [InlineData("invalid_cvv", false)]
    [InlineData("suspected_fraud", false)]
    [InlineData("something_else", false)]
    [InlineData(null, false)]
    public void MayRetryLater_OnlyForTemporaryIssuerOrSystemFailures(string? declineType, bool expected)
    {
        var error = new FlutterwavePaymentDeclinedException("chg_1", "ref-1", "failed", declineType, "91");

        Assert.Equal(expected, error.MayRetryLater);
    }

    [Fact]
    public void Message_WithoutProcessorResponse_StillNamesTheObject()
    {
        var error = new FlutterwavePaymentDeclinedException("ord_WRq7L4TM8p", null, "failed", null, null);

        Assert.Equal("The payment ord_WRq7L4TM8p was declined. See DeclineType, DeclineCode and CustomerMessage.", error.Message);
        Assert.Equal(FlutterwavePaymentDeclinedException.DescribeForCustomer(null), error.CustomerMessage);
    }

    [Fact]
    public void Message_WithOnlyACode_SaysTheReasonIsUnknown()
    {
        var error = new FlutterwavePaymentDeclinedException(null, null, null, null, "05");

        Assert.Equal("The payment was declined: unknown reason (code 05). See DeclineType, DeclineCode and CustomerMessage.", error.Message);
    }

    [Fact]
    public void Message_MasksACardNumberInAReference_ButThePropertyKeepsIt()
    {
        // A Luhn-valid test number, built so it is not a literal in this file.
        var cardNumber = string.Concat("4242", "4242", "4242", "4242");
        var error = new FlutterwavePaymentDeclinedException("chg_1", "order-" + cardNumber + "-a", "failed", "do_not_honor", "05");

        Assert.False(error.Message.Contains(cardNumber, StringComparison.Ordinal), "The message holds the card number.");
        Assert.False(error.ToString().Contains(cardNumber, StringComparison.Ordinal), "ToString holds the card number.");
        Assert.Contains("(reference order-[REDACTED]-a)", error.Message, StringComparison.Ordinal);
        Assert.True(error.Reference == "order-" + cardNumber + "-a", "The reference was altered.");
    }

    [Fact]
    public void Message_ShortensLongValues_AndKeepsThemOnOneLine()
    {
        var longReference = new string('r', 500);
        var error = new FlutterwavePaymentDeclinedException("chg_1\r\nforged log line", longReference, "failed", "do_not_honor", "05");

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain(longReference, error.Message, StringComparison.Ordinal);
        Assert.Contains(new string('r', 64) + "...", error.Message, StringComparison.Ordinal);
        Assert.Equal(longReference, error.Reference);
    }
}
