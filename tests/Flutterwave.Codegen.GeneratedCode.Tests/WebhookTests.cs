using System;
using System.Security.Cryptography;
using System.Text;
using Flutterwave.Runtime.Webhooks;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

public sealed class WebhookTests
{
    private const string ChargeCompletedBody = """
        {"webhook_id":"wbk_Q1w2E3r4T5","timestamp":1743069600123,"type":"charge.completed",
         "data":{"id":"chg_RCDsCBDyaV","amount":12.34,"currency":"NGN","reference":"chg-20250327-0001","status":"succeeded",
                 "customer_id":"cus_3XarBILKQS",
                 "payment_method_details":{"id":"pmd_WRq7L4TM8p","type":"card",
                     "card":{"expiry_month":"09","expiry_year":"32","first6":"123412","last4":"1234","network":"MASTERCARD"}},
                 "processor_response":{"type":"approved","code":"00"},
                 "fees":[{"type":"vat","amount":0.93}],
                 "meta":{"order_id":"ord-77"},
                 "created_datetime":"2025-03-27T10:00:00Z",
                 "settlement_batch":"sb-1"}}
        """;

    [Fact]
    public void ChargeCompleted_VerifiedThenReadIntoTheGeneratedCharge()
    {
        var secretHash = "webhook-" + new string('s', 24);
        var body = Encoding.UTF8.GetBytes(ChargeCompletedBody);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretHash), body));
        var verifier = new FlutterwaveWebhookVerifier(secretHash);

        var webhookEvent = verifier.VerifyAndParse(body, signature);
        Assert.Equal(WebhookEventTypes.ChargeCompleted, webhookEvent.Type);
        var charge = webhookEvent.GetData<Flutterwave.Charge>();

        Assert.Equal("chg_RCDsCBDyaV", charge.Id);
        Assert.Equal(12.34m, charge.Amount);
        Assert.Equal("NGN", charge.Currency.ToString());
        Assert.Equal("chg-20250327-0001", charge.Reference);
        Assert.Equal(Flutterwave.ChargeStatus.Succeeded, charge.Status);
        Assert.Equal("cus_3XarBILKQS", charge.CustomerId);
        Assert.Equal(Flutterwave.PaymentMethodType.Card, charge.PaymentMethodDetails!.Type);
        Assert.Equal("1234", charge.PaymentMethodDetails.Card!.Last4);
        Assert.Equal("approved", charge.ProcessorResponse!.Type);
        Assert.Equal(0.93m, Assert.Single(charge.Fees!).Amount);
        Assert.Equal("ord-77", (string?)charge.Meta!["order_id"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 27, 10, 0, 0, TimeSpan.Zero), charge.CreatedDatetime);
        Assert.Equal("sb-1", charge.AdditionalProperties["settlement_batch"].GetString());
    }

    [Fact]
    public void ChargeCompleted_DataMissingARequiredMember_IsAWebhookException()
    {
        var webhookEvent = FlutterwaveWebhookVerifier.Parse("""
            {"webhook_id":"w1","timestamp":1,"type":"charge.completed","data":{"id":"chg_1","amount":1,"currency":"NGN","reference":"ref-000001"}}
            """u8);

        var error = Assert.Throws<FlutterwaveWebhookException>(() => webhookEvent.GetData<Flutterwave.Charge>());

        Assert.Contains("'status'", error.Message, StringComparison.Ordinal);
    }
}
