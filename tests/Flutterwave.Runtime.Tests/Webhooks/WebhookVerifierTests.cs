using System.Security.Cryptography;
using System.Text;
using Flutterwave.Runtime.Webhooks;

namespace Flutterwave.Runtime.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    // Built at run time rather than written as one literal, so no secret-looking literal sits in the source.
    private static readonly string SecretHash = "whsec-" + new string('k', 20) + "-test";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"webhook_id":"wbk_Q1w2E3r4T5","timestamp":1743069600123,"type":"charge.completed","data":{"id":"chg_RCDsCBDyaV","amount":12.34,"status":"succeeded"}}""");

    private static string Hmac(byte[] body, string key) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    [Fact]
    public void PlainScheme_SignatureEqualToTheSecretHash_IsAccepted()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        Assert.True(verifier.Verify(Body, SecretHash));
    }

    [Fact]
    public void HmacScheme_Base64HmacOfTheBody_IsAccepted()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        Assert.True(verifier.Verify(Body, Hmac(Body, SecretHash)));
    }

    [Fact]
    public void SurroundingWhitespace_IsIgnored()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        Assert.True(verifier.Verify(Body, " " + Hmac(Body, SecretHash) + "\t"));
        Assert.True(verifier.Verify(Body, SecretHash + " "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingOrEmptySignature_IsRejected(string? signature)
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        Assert.False(verifier.Verify(Body, signature));
    }

    [Fact]
    public void WrongSignatures_AreRejected()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        Assert.False(verifier.Verify(Body, "not-the-secret"));
        Assert.False(verifier.Verify(Body, SecretHash[..^1]));
        Assert.False(verifier.Verify(Body, SecretHash + "x"));
        Assert.False(verifier.Verify(Body, SecretHash.ToUpperInvariant()));
        Assert.False(verifier.Verify(Body, Hmac(Body, "another-secret-hash-value")));
        Assert.False(verifier.Verify(Body, Convert.ToBase64String(new byte[32])));
        Assert.False(verifier.Verify(Body, Convert.ToBase64String(new byte[16])));
        Assert.False(verifier.Verify(Body, new string('A', 5000)));
    }

    [Fact]
    public void HmacOfTheBody_InHex_IsNotOneOfTheSchemes()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);
        var hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecretHash), Body));

        Assert.False(verifier.Verify(Body, hex));
    }

    [Fact]
    public void TamperedBody_IsRejectedUnderTheHmacScheme()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);
        var signature = Hmac(Body, SecretHash);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("12.34", "99.99", StringComparison.Ordinal));
        var oneByteMore = Body.Append((byte)' ').ToArray();

        Assert.False(verifier.Verify(tampered, signature));
        Assert.False(verifier.Verify(oneByteMore, signature));
        Assert.False(verifier.Verify([], signature));
    }

    [Fact]
    public void HmacOfAnotherBody_IsRejected()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);
        var other = Encoding.UTF8.GetBytes("""{"webhook_id":"wbk_other","timestamp":1,"type":"charge.completed","data":{}}""");

        Assert.False(verifier.Verify(Body, Hmac(other, SecretHash)));
    }

    [Fact]
    public void NonAsciiSecretHash_WorksUnderBothSchemes()
    {
        var secret = "clé-secrète-" + new string('é', 10);
        var verifier = new FlutterwaveWebhookVerifier(secret);

        Assert.True(verifier.Verify(Body, secret));
        Assert.True(verifier.Verify(Body, Hmac(Body, secret)));
    }

    [Fact]
    public void VerifyAndParse_GoodSignature_GivesTheEvent()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        var webhookEvent = verifier.VerifyAndParse(Body, Hmac(Body, SecretHash));

        Assert.Equal("wbk_Q1w2E3r4T5", webhookEvent.WebhookId);
        Assert.Equal(WebhookEventTypes.ChargeCompleted, webhookEvent.Type);
    }

    [Theory]
    [InlineData(null, "has no flutterwave-signature header")]
    [InlineData("", "has no flutterwave-signature header")]
    [InlineData("wrong-signature-value", "matches neither")]
    public void VerifyAndParse_BadSignature_Throws_WithoutEchoingIt(string? signature, string expected)
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        var error = Assert.Throws<FlutterwaveWebhookSignatureException>(() => verifier.VerifyAndParse(Body, signature));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(error.ToString().Contains("wrong-signature-value", StringComparison.Ordinal));
        Assert.False(error.ToString().Contains(SecretHash, StringComparison.Ordinal));
        Assert.False(error.ToString().Contains("chg_RCDsCBDyaV", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyAndParse_GoodSignature_MalformedBody_ThrowsTheReadError_NotTheSignatureError()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);
        var body = "{\"webhook_id\":"u8.ToArray();

        var error = Assert.Throws<FlutterwaveWebhookException>(() => verifier.VerifyAndParse(body, Hmac(body, SecretHash)));

        Assert.IsNotType<FlutterwaveWebhookSignatureException>(error);
    }

    [Fact]
    public void TryVerifyAndParse_ReportsTheOutcome()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        Assert.True(verifier.TryVerifyAndParse(Body, SecretHash, out var accepted));
        Assert.Equal("wbk_Q1w2E3r4T5", accepted.WebhookId);

        Assert.False(verifier.TryVerifyAndParse(Body, "nope", out var rejected));
        Assert.Null(rejected);

        // A bad signature is decided before the body is read: a malformed body with a bad signature is just rejected.
        Assert.False(verifier.TryVerifyAndParse("not json"u8, "nope", out _));
    }

    [Fact]
    public void ToString_HidesTheSecretHash()
    {
        var verifier = new FlutterwaveWebhookVerifier(SecretHash);

        var text = verifier.ToString();

        Assert.False(text.Contains(SecretHash, StringComparison.Ordinal));
        Assert.Equal("FlutterwaveWebhookVerifier { SecretHash = (set) }", text);
    }

    [Fact]
    public void EmptySecretHash_IsAConfigurationError()
    {
        Assert.Throws<ArgumentNullException>(() => new FlutterwaveWebhookVerifier(null!));
        Assert.Throws<ArgumentException>(() => new FlutterwaveWebhookVerifier(""));
        Assert.Throws<ArgumentException>(() => new FlutterwaveWebhookVerifier("  "));
    }

    [Fact]
    public void HeaderName_IsFlutterwaveSignature()
    {
        Assert.Equal("flutterwave-signature", FlutterwaveWebhookVerifier.SignatureHeaderName);
    }
}
