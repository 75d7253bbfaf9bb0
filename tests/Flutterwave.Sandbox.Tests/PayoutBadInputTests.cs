using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>
/// Broken requests to the payout and post-payment operations, sent raw: a documented error in Flutterwave's envelope,
/// never a 500, and nothing stored by a rejected request.
/// </summary>
public sealed class PayoutBadInputTests : IAsyncLifetime
{
    private static readonly string[] DocumentedTypes =
    [
        "REQUEST_NOT_VALID", "RESOURCE_NOT_FOUND", "RESOURCE_CONFLICT", "UNPROCESSABLE", "INVALID_PAGINATION_TYPE",
        "REFUND_NOT_FOUND", "REFUND_AMOUNT_INVALID", "REFUND_CREATION_FAILED", "REFUND_ALREADY_COMPLETED",
        "CHARGEBACK_NOT_FOUND", "CHARGEBACK_DECLINE_INVALID", "CHARGEBACK_PROOF_INVALID", "CHARGEBACK_DUE_DATE_INVALID",
        "CHARGEBACK_AMOUNT_INVALID", "CHARGEBACK_HAS_EXISTING_CHARGE", "SETTLEMENT_NOT_FOUND",
    ];

    private SandboxClient _s = null!;
    private string _token = null!;
    private string _chargeId = null!;
    private string _recipientId = null!;
    private string _transferId = null!;
    private string _chargebackId = null!;

    public async Task InitializeAsync()
    {
        _s = await SandboxClient.StartAsync();
        _token = await _s.TokenAsync();
        _chargeId = (await _s.SucceededChargeAsync(100_000m)).Id;
        _recipientId = await _s.NgnRecipientIdAsync();
        var scheduled = Payouts.Transfer(_recipientId, 10m, TransferRequestAction.Scheduled);
        scheduled.DisburseOption = new DisburseOption { DateTime = "2099-01-01T09:00:00", Timezone = "Africa/Lagos" };
        _transferId = (await _s.Client.Transfers.CreateTransferAsync(scheduled)).Id;
        var disputed = (await _s.SucceededChargeAsync(100m)).Id;
        _chargebackId = (await _s.Client.Chargebacks.CreateChargebackAsync(new ChargebackRequest { ChargeId = disputed, Amount = 1m, Type = ChargebackType.Local, Expiry = 72 })).Id;
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private IEnumerable<(HttpMethod Method, string Path, string Body)> ValidRequests() =>
    [
        (HttpMethod.Post, "refunds", $$$"""{"charge_id":"{{{_chargeId}}}","amount":1,"reason":"duplicate","meta":{"k":"v"}}"""),
        (HttpMethod.Post, "chargebacks", $$$"""{"charge_id":"{{{_chargeId}}}","amount":1,"type":"local","expiry":72}"""),
        (HttpMethod.Put, "chargebacks/" + _chargebackId, """{"status":"declined","uploaded_proof":"https://example.com/p.pdf","due_datetime":"2099-01-01T00:00:00Z"}"""),
        (HttpMethod.Post, "banks/account-resolve", """{"currency":"GBP","account":{"code":"200000","number":"55779911","type":"individual","name":{"first":"Ada","last":"Lovelace"}}}"""),
        (HttpMethod.Post, "wallets/account-resolve", """{"provider":"flutterwave","identifier":"7981223"}"""),
        (HttpMethod.Post, "transfers/recipients", """{"type":"bank_ghs","name":{"first":"Ama","last":"Owusu"},"bank":{"account_number":"0123","code":"GH010100","branch":"GH010101"}}"""),
        (HttpMethod.Post, "transfers/senders", """{"type":"bank_gbp","name":{"first":"Ada","last":"Lovelace"},"email":"ada@example.com","phone":{"country_code":"44","number":"7700900123"},"address":{"line1":"1 A St","city":"London","state":"LDN","country":"GB","postal_code":"SW1A 2AA"}}"""),
        (HttpMethod.Post, "transfers/rates", """{"source":{"currency":"USD"},"destination":{"currency":"NGN","amount":1200.56},"precision":2}"""),
        (HttpMethod.Post, "transfers", $$$"""{"action":"scheduled","disburse_option":{"date_time":"2099-01-01T09:00:00","timezone":"Africa/Lagos"},"payment_instruction":{"source_currency":"NGN","amount":{"value":10,"applies_to":"destination_currency"},"recipient_id":"{{{_recipientId}}}"}}"""),
        (HttpMethod.Put, "transfers/" + _transferId, """{"disburse_option":{"date_time":"2099-01-01T09:00:00","timezone":"Africa/Lagos"}}"""),
        (HttpMethod.Post, "transfers/" + _transferId + "/retries", """{"action":"duplicate","meta":{"k":"v"}}"""),
        (HttpMethod.Post, "direct-transfers", """{"action":"instant","type":"bank","payment_instruction":{"source_currency":"NGN","destination_currency":"GHS","amount":{"value":10,"applies_to":"source_currency"},"recipient":{"name":{"first":"Ama","last":"Owusu"},"bank":{"account_number":"1","code":"GH010100","branch":"GH010101"}},"sender":{"name":{"first":"Ada","last":"Lovelace"}}}}"""),
    ];

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _s.Raw.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    [Fact]
    public async Task ValidBodies_AreAccepted()
    {
        foreach (var (method, path, body) in ValidRequests())
        {
            var (status, json) = await SendAsync(method, path, body);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {json.ToJsonString()}");
        }
    }

    [Fact]
    public async Task RandomlyMangledBodies_GetDocumentedErrors_NeverA500()
    {
        var random = new Random(20261201);
        var seen = new HashSet<HttpStatusCode>();
        foreach (var (method, path, body) in ValidRequests())
        {
            for (var i = 0; i < 25; i++)
            {
                var json = JsonNode.Parse(body)!;
                BadInputTests.Mangle(json, random);
                var (status, answer) = await SendAsync(method, path, json.ToJsonString());
                var type = answer["error"]?["type"]?.GetValue<string>() ?? "success";
                Assert.True(type == "success" || DocumentedTypes.Contains(type), $"{method} {path}: undocumented error type {type}");
                Assert.False(string.IsNullOrEmpty(answer["error"]?["code"]?.GetValue<string>() ?? "ok"));
                seen.Add(status);
            }
        }

        Assert.Contains(HttpStatusCode.BadRequest, seen);
    }

    [Theory]
    [InlineData("refunds?size=9", "size")]
    [InlineData("refunds?page=0", "page")]
    [InlineData("chargebacks?from=yesterday", "from")]
    [InlineData("settlements?size=51", "size")]
    [InlineData("wallets/statement", "currency")]
    [InlineData("wallets/statement?currency=XYZ", "currency")]
    [InlineData("fees?amount=abc&currency=NGN&payment_method=card", "amount")]
    [InlineData("fees?amount=10&currency=NGN&payment_method=cheque", "payment_method")]
    [InlineData("banks?country=XX", "country")]
    [InlineData("mobile-networks", "country")]
    [InlineData("transfers?source_currency=NAIRA", "source_currency")]
    public async Task BadQueries_Are400NamingTheParameter(string path, string parameter)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(parameter, body["error"]!["validation_errors"]!.AsArray().Select(e => e!["field_name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("transfers?next=%25%25%25")]
    [InlineData("transfers/recipients?previous=bzotMQ==")]
    [InlineData("wallets/statement?currency=NGN&next=AAAA")]
    public async Task BadCursors_AreInvalidPagination(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PAGINATION_TYPE", body["error"]!["type"]!.GetValue<string>());
        Assert.Equal("701500", body["error"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("transfers/trf_nothere000", "RESOURCE_NOT_FOUND")]
    [InlineData("transfers/rates/rte_nothere000", "RESOURCE_NOT_FOUND")]
    [InlineData("transfers/senders/sdr_nothere000", "RESOURCE_NOT_FOUND")]
    [InlineData("wallets/balances/xyz", "RESOURCE_NOT_FOUND")]
    [InlineData("refunds/ref_nothere000", "REFUND_NOT_FOUND")]
    [InlineData("settlements/stm_nothere000", "SETTLEMENT_NOT_FOUND")]
    public async Task UnknownIds_Are404(string path, string type)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(type, body["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExtremeValues_Are400_NeverAnOverflow()
    {
        const string Huge = "79228162514264337593543950335";
        var requests = new (HttpMethod Method, string Path, string? Body, string Field)[]
        {
            (HttpMethod.Get, "fees?amount=" + Huge + "&currency=NGN&payment_method=card", null, "amount"),
            (HttpMethod.Post, "transfers/rates", $$$"""{"source":{"currency":"NGN"},"destination":{"currency":"USD","amount":{{{Huge}}}}}""", "destination.amount"),
            (HttpMethod.Post, "transfers", $$$"""{"action":"instant","payment_instruction":{"source_currency":"NGN","amount":{"value":{{{Huge}}},"applies_to":"destination_currency"},"recipient_id":"{{{_recipientId}}}"}}""", "payment_instruction.amount.value"),
            (HttpMethod.Post, "transfers", $$$"""{"action":"scheduled","disburse_option":{"date_time":"2099-02-30T09:00:00","timezone":"Africa/Lagos"},"payment_instruction":{"source_currency":"NGN","amount":{"value":1,"applies_to":"destination_currency"},"recipient_id":"{{{_recipientId}}}"}}""", "disburse_option.date_time"),
            (HttpMethod.Post, "transfers", $$$"""{"action":"scheduled","disburse_option":{"date_time":"2099-01-01T09:00:00","timezone":"../../etc/passwd"},"payment_instruction":{"source_currency":"NGN","amount":{"value":1,"applies_to":"destination_currency"},"recipient_id":"{{{_recipientId}}}"}}""", "disburse_option.timezone"),
            (HttpMethod.Post, "refunds", $$$"""{"charge_id":"{{{_chargeId}}}","amount":{{{Huge}}}}""", "amount"),
        };
        foreach (var (method, path, body, field) in requests)
        {
            var (status, answer) = await SendAsync(method, path, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{method} {path} {body}: {answer.ToJsonString()}");
            Assert.Contains(field, answer["error"]!["validation_errors"]!.AsArray().Select(e => e!["field_name"]!.GetValue<string>()));
        }

        var far = Convert.ToBase64String(Encoding.ASCII.GetBytes("o:2147483647"));
        var (farStatus, farPage) = await SendAsync(HttpMethod.Get, "transfers/recipients?next=" + Uri.EscapeDataString(far), null);
        Assert.Equal(HttpStatusCode.OK, farStatus);
        Assert.Empty(farPage["data"]!["recipients"]!.AsArray());
        Assert.False(farPage["data"]!["cursor"]!["has_more_items"]!.GetValue<bool>());
    }

    [Fact]
    public async Task WrongMethodsOnTheTransferPaths_Are405_NotATransferNamedRates()
    {
        var (s1, b1) = await SendAsync(HttpMethod.Get, "transfers/rates", null);
        var (s2, _) = await SendAsync(HttpMethod.Delete, "transfers/recipients", null);
        var (s3, _) = await SendAsync(HttpMethod.Put, "wallets/balances", "{}");

        Assert.All(new[] { s1, s2, s3 }, s => Assert.Equal(HttpStatusCode.MethodNotAllowed, s));
        Assert.Equal("METHOD_NOT_ALLOWED", b1["error"]!["type"]!.GetValue<string>());
    }
}
