using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Flutterwave;
using Flutterwave.Runtime.Encryption;
using Flutterwave.Runtime.Json;
using Xunit;

// One test calls a plain JsonSerializer.Serialize, reflection-based by nature (the caller's choice).
#pragma warning disable IL2026, IL3050

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>
/// Generated models with <c>nonce</c> + <c>encrypted_*</c> members: plaintext set by the caller is encrypted when the
/// body is written, checked here by decrypting with .NET's own AES-GCM. Card values are the usual test numbers.
/// Assertions compare booleans and lengths, so a failure never prints card data.
/// </summary>
public sealed class CardEncryptionTests
{
    private const string Pan = "4111111111111111";
    private const string Month = "09";
    private const string Year = "32";
    private const string Cvv = "123";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly CardEncryptor _encryptor;

    public CardEncryptionTests() => _encryptor = new CardEncryptor(_key);

    private static Card PlainCard() => new() { CardNumber = Pan, ExpiryMonth = Month, ExpiryYear = Year, Cvv = Cvv, CardHolderName = "Test Holder" };

    [Fact]
    public void Plaintext_IsEncryptedOnTheWire_WithOneAlphanumericNonce()
    {
        var bytes = Write(PlainCard(), _encryptor);

        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var nonce = root.GetProperty("nonce").GetString()!;
        Assert.Matches(new Regex("^[A-Za-z0-9]{12}$"), nonce);
        Assert.True(Decrypt(nonce, root.GetProperty("encrypted_card_number").GetString()!) == Pan);
        Assert.True(Decrypt(nonce, root.GetProperty("encrypted_expiry_month").GetString()!) == Month);
        Assert.True(Decrypt(nonce, root.GetProperty("encrypted_expiry_year").GetString()!) == Year);
        Assert.True(Decrypt(nonce, root.GetProperty("encrypted_cvv").GetString()!) == Cvv);
        Assert.Equal("Test Holder", root.GetProperty("card_holder_name").GetString());
    }

    [Fact]
    public void Plaintext_NeverAppearsInTheBytes()
    {
        var bytes = Write(PlainCard(), _encryptor);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.False(text.Contains(Pan, StringComparison.Ordinal));
        using var document = JsonDocument.Parse(bytes);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("card_number", names);
        Assert.DoesNotContain("cvv", names);
        Assert.DoesNotContain("expiry_month", names);
        Assert.DoesNotContain("expiry_year", names);
        Assert.DoesNotContain("CardNumber", names);
        var plain = new HashSet<string> { Pan, Month, Year, Cvv };
        // A count, not a collection assertion: a failure must not print the values.
        var leaked = document.RootElement.EnumerateObject().Count(p => p.Value.ValueKind == JsonValueKind.String && plain.Contains(p.Value.GetString()!));
        Assert.Equal(0, leaked);
    }

    [Fact]
    public void CallersObject_IsNotModified()
    {
        var card = PlainCard();

        _ = Write(card, _encryptor);

        Assert.Null(card.Nonce);
        Assert.Null(card.EncryptedCardNumber);
        Assert.Null(card.EncryptedExpiryMonth);
        Assert.Null(card.EncryptedExpiryYear);
        Assert.Null(card.EncryptedCvv);
        Assert.True(card.CardNumber == Pan && card.ExpiryMonth == Month && card.ExpiryYear == Year && card.Cvv == Cvv);
        Assert.Empty(card.AdditionalProperties);
    }

    [Fact]
    public void EachSerialization_UsesAFreshNonce()
    {
        var card = PlainCard();

        using var first = JsonDocument.Parse(Write(card, _encryptor));
        using var second = JsonDocument.Parse(Write(card, _encryptor));

        Assert.NotEqual(first.RootElement.GetProperty("nonce").GetString(), second.RootElement.GetProperty("nonce").GetString());
        Assert.True(first.RootElement.GetProperty("encrypted_card_number").GetString() != second.RootElement.GetProperty("encrypted_card_number").GetString());
    }

    [Fact]
    public void OnlySomePlaintextSet_OptionalEncryptedMemberIsLeftOut()
    {
        var card = new Card { CardNumber = Pan, ExpiryMonth = Month, ExpiryYear = Year };

        using var document = JsonDocument.Parse(Write(card, _encryptor));

        Assert.False(document.RootElement.TryGetProperty("encrypted_cvv", out _));
        Assert.True(document.RootElement.TryGetProperty("encrypted_card_number", out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PreEncryptedValues_PassThroughUntouched_WithOrWithoutAKey(bool withKey)
    {
        var card = new Card
        {
            Nonce = "n0Ad6mOzVnLI",
            EncryptedCardNumber = "sAE3hEDaDQ+yLzo4Py+Lx15OZjBGduHu/DcdILh3En0=",
            EncryptedExpiryMonth = "sQpvQEb7GrUCjPuEN/NmHiPl",
            EncryptedExpiryYear = "sgHNEDkJ/RmwuWWq/RymToU5",
        };

        var json = Encoding.UTF8.GetString(Write(card, withKey ? _encryptor : null));

        Assert.True(Json.SameJson(
            """{"nonce":"n0Ad6mOzVnLI","encrypted_card_number":"sAE3hEDaDQ+yLzo4Py+Lx15OZjBGduHu/DcdILh3En0=","encrypted_expiry_month":"sQpvQEb7GrUCjPuEN/NmHiPl","encrypted_expiry_year":"sgHNEDkJ/RmwuWWq/RymToU5"}""",
            json));
    }

    [Fact]
    public void PlaintextWithoutAKey_Throws_AndTheMessageHoldsNoValues()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Write(PlainCard(), null));

        Assert.Contains("FlutterwaveOptions.EncryptionKey", error.Message, StringComparison.Ordinal);
        AssertNoCardValues(error.Message);
    }

    [Fact]
    public void PlainJsonSerializer_OutsideASendScope_RefusesToWritePlaintext()
    {
        var card = PlainCard();

        var error = Record.Exception(() => JsonSerializer.Serialize(card));

        Assert.IsType<InvalidOperationException>(error);
        AssertNoCardValues(error.Message);
    }

    [Fact]
    public void MixingPlaintextAndEncryptedMembers_Throws()
    {
        var card = PlainCard();
        card.EncryptedCvv = "tAUzH7Qjma7diGdi7938F/ESNA==";

        var error = Assert.Throws<InvalidOperationException>(() => Write(card, _encryptor));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
        AssertNoCardValues(error.Message);
        Assert.DoesNotContain("tAUzH7Qjma7diGdi7938F", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixingPlaintextAndACallerNonce_Throws()
    {
        var card = PlainCard();
        card.Nonce = "n0Ad6mOzVnLI";

        var error = Assert.Throws<InvalidOperationException>(() => Write(card, _encryptor));

        Assert.DoesNotContain("n0Ad6mOzVnLI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredEncryptedMemberInNeitherForm_Throws_NamingTheMember()
    {
        var card = new Card { CardNumber = Pan, ExpiryMonth = Month };

        var error = Assert.Throws<InvalidOperationException>(() => Write(card, _encryptor));

        Assert.Contains("encrypted_expiry_year", error.Message, StringComparison.Ordinal);
        AssertNoCardValues(error.Message);
    }

    [Fact]
    public void EncryptedMembersWithoutTheirNonce_Throw_NamingNonce()
    {
        var card = new Card { EncryptedCardNumber = "a", EncryptedExpiryMonth = "b", EncryptedExpiryYear = "c" };

        var error = Assert.Throws<InvalidOperationException>(() => Write(card, null));

        Assert.Contains("'nonce'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_IsTolerant_OfMissingEncryptedMembers_AndNeverFillsPlaintext()
    {
        var card = Json.Read<Card>("""{"card_holder_name":"Test Holder","card_number":"4111111111111111"}""");
        var pin = Json.Read<PinAuthorization>("{}");

        Assert.Null(card.EncryptedCardNumber);
        Assert.Null(card.CardNumber);
        Assert.True(card.AdditionalProperties.ContainsKey("card_number"));
        Assert.Null(pin.EncryptedPin);
        Assert.Null(pin.Pin);
    }

    [Fact]
    public async Task CardInsideAChargeRequest_IsEncrypted_InTheRequestBody()
    {
        var transport = new CapturingTransport();
        var client = new FlutterwaveClient(transport);
        var body = new ChargeRequest
        {
            Amount = 12.34m,
            Currency = Currency.NGN,
            Reference = "ref-123456",
            PaymentMethod = new PaymentMethodRequest { Type = PaymentMethodType.Card, Card = PlainCard() },
        };

        await client.Orchestration.InitiateOrchestratorChargeAsync(body);

        var request = Assert.Single(transport.Requests);
        using var document = JsonDocument.Parse(request.SerializeBody(_encryptor)!.Value);
        var card = document.RootElement.GetProperty("payment_method").GetProperty("card");
        var nonce = card.GetProperty("nonce").GetString()!;
        Assert.True(Decrypt(nonce, card.GetProperty("encrypted_card_number").GetString()!) == Pan);
        Assert.True(Decrypt(nonce, card.GetProperty("encrypted_cvv").GetString()!) == Cvv);
        Assert.Null(body.PaymentMethod.Card!.Nonce);
    }

    [Fact]
    public async Task PinInsideAChargeUpdate_IsEncrypted_AndRetriesSendTheSameBytes()
    {
        var transport = new CapturingTransport();
        var client = new FlutterwaveClient(transport);
        var update = new ChargeUpdateRequest
        {
            Authorization = new ChargeAuthorization { Type = ChargeAuthorizationType.Pin, Pin = new PinAuthorization { Pin = "3310" } },
        };

        await client.Charges.UpdateChargeAsync("chg_1", update);

        var request = Assert.Single(transport.Requests);
        var first = request.SerializeBody(_encryptor)!.Value.ToArray();
        var again = request.SerializeBody(_encryptor)!.Value.ToArray();
        Assert.True(first.AsSpan().SequenceEqual(again));
        using var document = JsonDocument.Parse(first);
        var authorization = document.RootElement.GetProperty("authorization");
        Assert.Equal("pin", authorization.GetProperty("type").GetString());
        var pin = authorization.GetProperty("pin");
        Assert.True(Decrypt(pin.GetProperty("nonce").GetString()!, pin.GetProperty("encrypted_pin").GetString()!) == "3310");
        Assert.Equal(2, pin.EnumerateObject().Count());
    }

    private static byte[] Write<T>(T value, CardEncryptor? encryptor) where T : IJsonModel<T>
    {
        using (CardEncryption.Enter(encryptor))
        {
            return JsonCodec.ToUtf8Bytes(value, JsonCodec.WriteModel);
        }
    }

    private string Decrypt(string nonce, string wire)
    {
        var data = Convert.FromBase64String(wire);
        var plain = new byte[data.Length - 16];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private static void AssertNoCardValues(string message)
    {
        Assert.False(message.Contains(Pan, StringComparison.Ordinal));
        Assert.False(message.Contains(Cvv, StringComparison.Ordinal));
        Assert.False(message.Contains("Test Holder", StringComparison.Ordinal));
    }
}
