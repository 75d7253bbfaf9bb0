using System;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Flutterwave;
using Flutterwave.Runtime.Encryption;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>
/// The generated <c>next_action</c> helpers of the bundled spec: each builds the <c>PUT /charges/{id}</c> body the
/// facts describe, captured before it is sent; and the redirect URL is read only from a <c>redirect_url</c> action.
/// </summary>
public sealed class NextActionHelperTests
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly CapturingTransport _transport = new();
    private readonly FlutterwaveClient _client;

    public NextActionHelperTests() => _client = new FlutterwaveClient(_transport);

    [Fact]
    public async Task SubmitPin_SendsAnEncryptedPinAuthorization_ToTheCharge()
    {
        var charge = await _client.Charges.SubmitPinAsync("chg_42", "3310");

        Assert.Equal("chg_1", charge.Id);
        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/charges/chg_42", request.Path);
        using var body = JsonDocument.Parse(request.SerializeBody(new CardEncryptor(_key))!.Value);
        var authorization = body.RootElement.GetProperty("authorization");
        Assert.Equal(["type", "pin"], authorization.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pin", authorization.GetProperty("type").GetString());
        var pin = authorization.GetProperty("pin");
        Assert.Equal(["nonce", "encrypted_pin"], pin.EnumerateObject().Select(p => p.Name));
        var data = Convert.FromBase64String(pin.GetProperty("encrypted_pin").GetString()!);
        var plain = new byte[data.Length - 16];
        using (var aes = new AesGcm(_key, 16))
        {
            aes.Decrypt(Encoding.ASCII.GetBytes(pin.GetProperty("nonce").GetString()!), data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain);
        }

        Assert.True(Encoding.UTF8.GetString(plain) == "3310");
    }

    [Fact]
    public async Task SubmitPin_WithoutAKey_FailsWhenTheBodyIsWritten()
    {
        await _client.Charges.SubmitPinAsync("chg_42", "3310");

        var request = Assert.Single(_transport.Requests);
        var error = Assert.Throws<InvalidOperationException>(() => request.SerializeBody(null));
        Assert.DoesNotContain("3310", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitOtp_SendsAnOtpAuthorization()
    {
        await _client.Charges.SubmitOtpAsync("chg_42", "123456");

        var request = Assert.Single(_transport.Requests);
        Assert.Equal("/charges/chg_42", request.Path);
        Assert.True(Json.SameJson("""{"authorization":{"type":"otp","otp":{"code":"123456"}}}""", Encoding.UTF8.GetString(request.SerializeBody(null)!.Value.Span)));
    }

    [Fact]
    public async Task SubmitAvsAddress_SendsAnAvsAuthorization()
    {
        var address = new Address { Line1 = "1 Test Street", City = "Lagos", State = "Lagos", Country = "NG", PostalCode = "100001" };

        await _client.Charges.SubmitAvsAddressAsync("chg_42", address);

        var request = Assert.Single(_transport.Requests);
        Assert.True(Json.SameJson(
            """{"authorization":{"type":"avs","avs":{"address":{"city":"Lagos","country":"NG","line1":"1 Test Street","postal_code":"100001","state":"Lagos"}}}}""",
            Encoding.UTF8.GetString(request.SerializeBody(null)!.Value.Span)));
    }

    [Fact]
    public async Task Helpers_PassOptionsAndCheckArguments()
    {
        await _client.Charges.SubmitOtpAsync("chg_42", "123456", new Flutterwave.Runtime.RequestOptions { ScenarioKey = "scenario:auth_pin" });

        Assert.Single(_transport.Requests);
        await Assert.ThrowsAsync<ArgumentNullException>(() => _client.Charges.SubmitOtpAsync("chg_42", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ChargeNextActions.SubmitPinAsync(null!, "chg_42", "3310"));
    }

    [Fact]
    public void RedirectUrl_IsReadFromARedirectNextAction()
    {
        var charge = Json.Read<Charge>("""
            {"id":"chg_1","amount":1,"currency":"NGN","reference":"ref-123456","status":"pending",
             "redirect_url":"https://merchant.example/back",
             "next_action":{"type":"redirect_url","redirect_url":{"url":"https://developer-sandbox-ui-sit.flutterwave.cloud/redirects?card&token=abc"}}}
            """);

        Assert.Equal(new Uri("https://developer-sandbox-ui-sit.flutterwave.cloud/redirects?card&token=abc"), charge.GetNextActionRedirectUrl());
    }

    [Theory]
    [InlineData("""{"type":"requires_pin","requires_pin":{}}""")]
    [InlineData("""{"type":"requires_otp","redirect_url":{"url":"https://example.com/ignored"}}""")]
    [InlineData("""{"type":"some_new_type"}""")]
    [InlineData(null)]
    public void RedirectUrl_IsNull_ForOtherNextActions(string? nextAction)
    {
        var charge = Json.Read<Charge>(
            """{"id":"chg_1","amount":1,"currency":"NGN","reference":"ref-123456","status":"pending","redirect_url":"https://merchant.example/back" """
            + (nextAction is null ? string.Empty : ""","next_action":""" + nextAction) + "}");

        Assert.Null(charge.GetNextActionRedirectUrl());
    }
}
