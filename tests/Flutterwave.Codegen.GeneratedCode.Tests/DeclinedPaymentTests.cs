using System;
using System.Threading.Tasks;
using Flutterwave;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>
/// The generated <c>ThrowIfDeclined()</c>: a charge or order whose status is not <c>failed</c> passes through
/// untouched; a failed one becomes a <see cref="FlutterwavePaymentDeclinedException"/> carrying its
/// <c>processor_response</c>, and nothing about the amount, the card or the customer.
/// </summary>
public sealed class DeclinedPaymentTests
{
    private const string Amount = "73519.42";
    private const string Email = "ada.lovelace@example.com";
    private const string Last4 = "8765";
    private const string HolderName = "Ada Lovelace";

    /// <summary>A charge as the API returns it, with the details that must stay out of the exception.</summary>
    private static string ChargeJson(string status, string? processorResponse) => $$$"""
        {"id":"chg_RCDsCBDyaV","amount":{{{Amount}}},"currency":"NGN","reference":"chg-ref-0001","status":"{{{status}}}",
         "customer_id":"cus_3XarBILKQS",
         "customer":{"id":"cus_3XarBILKQS","email":"{{{Email}}}","name":{"first":"Ada","last":"Lovelace"}},
         "payment_method_details":{"id":"pmd_WRq7L4TM8p","type":"card","card":{"expiry_month":"09","expiry_year":"32","first6":"539983","last4":"{{{Last4}}}","network":"MASTERCARD","card_holder_name":"{{{HolderName}}}"}},
         "description":"Payment for a blue suit"{{{(processorResponse is null ? string.Empty : ",\"processor_response\":" + processorResponse)}}}}
        """;

    private static string OrderJson(string status, string processorResponse) => $$"""
        {"id":"ord_WRq7L4TM8p","amount":{{Amount}},"currency":"NGN","reference":"ord-ref-0001","status":"{{status}}",
         "customer_id":"cus_3XarBILKQS","processor_response":{{processorResponse}}}
        """;

    [Theory]
    [InlineData("succeeded", """{"type":"approved","code":"00"}""")]
    [InlineData("pending", """{"type":"pending","code":"02"}""")]
    [InlineData("voided", """{"type":"approved","code":"00"}""")]
    [InlineData("some_future_status", null)]
    public void ACharge_ThatIsNotFailed_IsReturnedAsIs(string status, string? processorResponse)
    {
        var charge = Json.Read<Charge>(ChargeJson(status, processorResponse));

        Assert.Same(charge, charge.ThrowIfDeclined());
    }

    [Theory]
    [InlineData("insufficient_funds", "51", false)]
    [InlineData("do_not_honor", "05", false)]
    [InlineData("expired_card", "54", false)]
    [InlineData("incorrect_pin", "55", false)]
    [InlineData("invalid_cvv", "82", false)]
    [InlineData("suspected_fraud", "59", false)]
    [InlineData("issuer_unavailable", "91", true)]
    [InlineData("system_error", "96", true)]
    public void AFailedCharge_Throws_WithItsProcessorResponse(string type, string code, bool mayRetryLater)
    {
        var charge = Json.Read<Charge>(ChargeJson("failed", $$"""{"type":"{{type}}","code":"{{code}}"}"""));

        var error = Assert.Throws<FlutterwavePaymentDeclinedException>(() => charge.ThrowIfDeclined());

        Assert.Equal("chg_RCDsCBDyaV", error.ObjectId);
        Assert.Equal("chg-ref-0001", error.Reference);
        Assert.Equal("failed", error.Status);
        Assert.Equal(type, error.DeclineType);
        Assert.Equal(code, error.DeclineCode);
        Assert.Equal(mayRetryLater, error.MayRetryLater);
        Assert.Equal(FlutterwavePaymentDeclinedException.DescribeForCustomer(type), error.CustomerMessage);
        Assert.Contains($"{type} (code {code})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedCharge_WithoutAProcessorResponse_StillThrows()
    {
        var charge = Json.Read<Charge>(ChargeJson("failed", null));

        var error = Assert.Throws<FlutterwavePaymentDeclinedException>(() => charge.ThrowIfDeclined());

        Assert.Equal("chg_RCDsCBDyaV", error.ObjectId);
        Assert.Null(error.DeclineType);
        Assert.Null(error.DeclineCode);
        Assert.False(error.MayRetryLater);
    }

    [Fact]
    public void TheStatusIsComparedExactly_AsJsonIs()
    {
        var charge = Json.Read<Charge>(ChargeJson("FAILED", """{"type":"do_not_honor","code":"05"}"""));

        Assert.Same(charge, charge.ThrowIfDeclined());
    }

    [Fact]
    public void TheMessageAndToString_HoldNoAmountCardOrCustomerDetails()
    {
        var charge = Json.Read<Charge>(ChargeJson("failed", """{"type":"insufficient_funds","code":"51"}"""));

        var error = Assert.Throws<FlutterwavePaymentDeclinedException>(() => charge.ThrowIfDeclined());

        foreach (var text in new[] { error.Message, error.ToString(), error.CustomerMessage })
        {
            foreach (var secret in new[] { Amount, "73519", Email, "Lovelace", Last4, "539983", "blue suit", "cus_3XarBILKQS" })
            {
                // Booleans, not Assert.DoesNotContain: its failure message would print the text it searched.
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), "The exception text holds a detail it must not.");
            }
        }

        Assert.Contains("chg_RCDsCBDyaV", error.Message, StringComparison.Ordinal);
        Assert.Contains("chg-ref-0001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("authorized")]
    [InlineData("completed")]
    [InlineData("pending")]
    [InlineData("partially-completed")]
    public void AnOrder_ThatIsNotFailed_IsReturnedAsIs(string status)
    {
        var order = Json.Read<Order>(OrderJson(status, """{"type":"approved","code":"00"}"""));

        Assert.Same(order, order.ThrowIfDeclined());
    }

    [Fact]
    public void AFailedOrder_Throws_WithItsProcessorResponse()
    {
        var order = Json.Read<Order>(OrderJson("failed", """{"type":"expired_card","code":"54"}"""));

        var error = Assert.Throws<FlutterwavePaymentDeclinedException>(() => order.ThrowIfDeclined());

        Assert.Equal("ord_WRq7L4TM8p", error.ObjectId);
        Assert.Equal("ord-ref-0001", error.Reference);
        Assert.Equal("expired_card", error.DeclineType);
        Assert.Equal("54", error.DeclineCode);
        Assert.Equal(FlutterwavePaymentDeclinedException.DescribeForCustomer("expired_card"), error.CustomerMessage);
        Assert.False(error.Message.Contains(Amount, StringComparison.Ordinal), "The message holds the amount.");
        Assert.False(error.ToString().Contains(Amount, StringComparison.Ordinal), "ToString holds the amount.");
    }

    [Fact]
    public void AnObjectMatchedByStructure_WithAStringStatusAndNoReference_GetsTheCheckToo()
    {
        var transfer = Json.Read<Conventions.Api.Transfer>("""{"id":"trf_1","status":"failed","processor_response":{"type":"system_error","code":"96"}}""");
        var queued = Json.Read<Conventions.Api.Transfer>("""{"id":"trf_2","status":"queued"}""");

        var error = Assert.Throws<FlutterwavePaymentDeclinedException>(() => Conventions.Api.PaymentDeclineChecks.ThrowIfDeclined(transfer));

        Assert.Equal("trf_1", error.ObjectId);
        Assert.Null(error.Reference);
        Assert.Equal("system_error", error.DeclineType);
        Assert.True(error.MayRetryLater);
        Assert.Same(queued, Conventions.Api.PaymentDeclineChecks.ThrowIfDeclined(queued));
    }

    [Fact]
    public void ANullTarget_IsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => PaymentDeclineChecks.ThrowIfDeclined((Charge)null!));
        Assert.Throws<ArgumentNullException>(() => PaymentDeclineChecks.ThrowIfDeclined((Order)null!));
    }

    [Fact]
    public async Task ADeclineOverHttp_IsASuccessfulCall_UntilThrowIfDeclined()
    {
        await using var server = await LoopbackHttpServer.StartAsync((request, context) => request.Path == "/token"
            ? LoopbackHttpServer.WriteJsonAsync(context, 200, """{"access_token":"tok-1","expires_in":600,"token_type":"Bearer"}""")
            : LoopbackHttpServer.WriteJsonAsync(context, 200,
                """{"status":"success","message":"Charge fetched","data":""" + ChargeJson("failed", """{"type":"do_not_honor","code":"05"}""") + "}"));
        var client = FlutterwaveClient.Create(new FlutterwaveOptions
        {
            BaseAddress = server.BaseAddress,
            TokenEndpoint = new Uri(server.BaseAddress, "token"),
            ClientId = "client-1",
            ClientSecret = "secret-1",
        });

        var charge = await client.Charges.GetChargeAsync("chg_RCDsCBDyaV");
        var error = Assert.Throws<FlutterwavePaymentDeclinedException>(() => charge.ThrowIfDeclined());

        Assert.Equal("do_not_honor", error.DeclineType);
        Assert.Equal("05", error.DeclineCode);
        Assert.Contains(server.Requests, r => r.Path == "/charges/chg_RCDsCBDyaV");
    }
}
