using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>
/// The whole card flow through the generated client and DI, with every logger at Trace: direct charge with a
/// plaintext card, a retried 503, PIN, OTP, a declined charge. Every log line, every exception's text and every
/// object's <c>ToString()</c> is captured, and none may contain the PAN, CVV, PIN, encryption key, client secret
/// or access token. The loopback server decrypts what it receives, so the flow also proves the wire format.
/// </summary>
public sealed class CardDataNeverLeaksTests
{
    private const string Pan = "5531886652142950";
    private const string Cvv = "564";
    private const string Pin = "3310";
    private const string ClientSecret = "client-secret-7Hq2Zp9";
    private const string AccessToken = "access-token-Xy81Kq";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentQueue<string> _serverSaw = new();

    [Fact]
    public async Task FullFlowAtTrace_NeverWritesCardDataOrSecretsAnywhere()
    {
        var attempts = 0;
        await using var server = await LoopbackHttpServer.StartAsync((request, context) => Answer(request, context, ref attempts));
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var encryptionKey = Convert.ToBase64String(_key);
        services.AddFlutterwaveClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.TokenEndpoint = new Uri(server.BaseAddress, "token");
            o.ClientId = "client-id-1";
            o.ClientSecret = ClientSecret;
            o.EncryptionKey = encryptionKey;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FlutterwaveClient>();
        var texts = new List<string>();

        var card = new Card { CardNumber = Pan, Cvv = Cvv, ExpiryMonth = "09", ExpiryYear = "32", CardHolderName = "Test Holder" };
        var request = new ChargeRequest
        {
            Amount = 100m,
            Currency = Currency.NGN,
            Reference = "order-000000001",
            Customer = new CustomerRequest { Email = "ada@example.com" },
            PaymentMethod = new PaymentMethodRequest { Type = "card", Card = card },
        };
        var pending = await client.Orchestration.InitiateOrchestratorChargeAsync(request);
        var afterPin = await client.Charges.SubmitPinAsync(pending.Id, Pin);
        var done = await client.Charges.SubmitOtpAsync(afterPin.Id, "123456");
        var declined = await Assert.ThrowsAnyAsync<ApiException>(() =>
            client.Orchestration.InitiateOrchestratorChargeAsync(new ChargeRequest
            {
                Amount = 100m,
                Currency = Currency.NGN,
                Reference = "order-000000002",
                PaymentMethod = new PaymentMethodRequest { Type = "card", Card = new Card { CardNumber = Pan, Cvv = Cvv, ExpiryMonth = "09", ExpiryYear = "32" } },
            }));
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<FlutterwaveOptions>>().Get("FlutterwaveClient");

        Assert.Equal("succeeded", done.Status.ToString());
        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Equal(4, _serverSaw.Count(s => s.StartsWith("decrypted", StringComparison.Ordinal)));
        Assert.Equal(2, attempts); // the first direct charge was answered 503 once and retried
        texts.AddRange(capture.Lines.Select(l => l.Text));
        texts.Add(declined.ToString());
        texts.Add(declined.Message);
        texts.AddRange(new object[] { card, request, pending, afterPin, done, options, client }.Select(o => o.ToString() ?? string.Empty));

        Assert.Contains(capture.Lines, l => l.Text.Contains("answered 200", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Text.Contains("request body (sensitive fields redacted)", StringComparison.Ordinal));
        Assert.True(capture.Lines.Count > 20, "the flow logged at Trace");
        // Long values are searched as they are. A CVV or PIN is only a few digits: it counts when it stands on its own
        // (not inside a port, a hex trace id or a duration), which is how a leaked value would appear.
        var secrets = new[] { Pan, encryptionKey, ClientSecret, AccessToken, Pan[^4..] + "\"" };
        var shortSecrets = new[] { Cvv, Pin }.Select(v => new Regex("(?<![0-9A-Za-z.])" + v + "(?![0-9A-Za-z.])")).ToList();
        var leaks = texts.Count(t => secrets.Any(s => t.Contains(s, StringComparison.Ordinal)) || shortSecrets.Any(r => r.IsMatch(t)));
        Assert.True(leaks == 0, $"{leaks} captured text(s) contain card data or a secret");
    }

    private Task Answer(RecordedRequest request, HttpContext context, ref int attempts)
    {
        if (request.Path == "/token")
        {
            return LoopbackHttpServer.WriteJsonAsync(context, 200, $$"""{"access_token":"{{AccessToken}}","expires_in":600,"token_type":"Bearer"}""");
        }

        using var body = JsonDocument.Parse(request.Body);
        if (request.Path == "/orchestration/direct-charges")
        {
            var card = body.RootElement.GetProperty("payment_method").GetProperty("card");
            var nonce = card.GetProperty("nonce").GetString()!;
            var ok = Decrypt(nonce, card.GetProperty("encrypted_card_number").GetString()!) == Pan
                && Decrypt(nonce, card.GetProperty("encrypted_cvv").GetString()!) == Cvv;
            _serverSaw.Enqueue("decrypted card " + ok);
            if (body.RootElement.GetProperty("reference").GetString() == "order-000000002")
            {
                return LoopbackHttpServer.WriteJsonAsync(context, 402, """{"status":"failed","error":{"type":"CARD_DECLINED","code":"10402","message":"Insufficient funds"}}""");
            }

            if (Interlocked.Increment(ref attempts) == 1)
            {
                return LoopbackHttpServer.WriteJsonAsync(context, 503, "{}");
            }

            return Charge(context, "pending", """{"type":"requires_pin","requires_pin":{}}""");
        }

        if (request.Path == "/charges/chg_1" && request.Method == "PUT")
        {
            var authorization = body.RootElement.GetProperty("authorization");
            if (authorization.GetProperty("type").GetString() == "pin")
            {
                var pin = authorization.GetProperty("pin");
                var ok = Decrypt(pin.GetProperty("nonce").GetString()!, pin.GetProperty("encrypted_pin").GetString()!) == Pin;
                _serverSaw.Enqueue("decrypted pin " + ok);
                return Charge(context, "pending", """{"type":"requires_otp","requires_otp":{}}""");
            }

            return Charge(context, "succeeded", "null");
        }

        return LoopbackHttpServer.WriteJsonAsync(context, 404, """{"status":"failed","error":{"type":"NOT_FOUND","code":"10404","message":"No route"}}""");
    }

    private static Task Charge(HttpContext context, string status, string nextAction) =>
        LoopbackHttpServer.WriteJsonAsync(context, 200,
            "{\"status\":\"success\",\"message\":\"Charge updated\",\"data\":{\"id\":\"chg_1\",\"amount\":100,\"currency\":\"NGN\",\"reference\":\"order-000000001\",\"status\":\"" + status + "\",\"next_action\":" + nextAction + "}}");

    private string Decrypt(string nonce, string base64)
    {
        var data = Convert.FromBase64String(base64);
        var plain = new byte[data.Length - 16];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(Encoding.ASCII.GetBytes(nonce), data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
