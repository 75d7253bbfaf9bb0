using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Flutterwave.Runtime.Encryption;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The cost of card encryption at send time. <see cref="EncryptCard"/>: one nonce and the four card fields through
/// <see cref="CardEncryptor"/>. <see cref="SerializePlaintextCard"/>: the generated <c>Card</c> with plaintext set,
/// written inside an encryption scope as the transport does; <see cref="SerializePreEncryptedCard"/> (the baseline):
/// the same card already encrypted, passed through unchanged. Fake test card values only.
/// </summary>
[MemoryDiagnoser]
public class EncryptionBenchmarks
{
    private CardEncryptor _encryptor = null!;
    private global::Flutterwave.Card _plain = null!;
    private global::Flutterwave.Card _encrypted = null!;

    [GlobalSetup]
    public void Setup()
    {
        _encryptor = new CardEncryptor(RandomNumberGenerator.GetBytes(32));
        _plain = new global::Flutterwave.Card { CardNumber = "4111111111111111", ExpiryMonth = "09", ExpiryYear = "32", Cvv = "123" };
        var nonce = _encryptor.CreateNonce();
        _encrypted = new global::Flutterwave.Card
        {
            Nonce = nonce,
            EncryptedCardNumber = _encryptor.Encrypt(nonce, "4111111111111111"),
            EncryptedExpiryMonth = _encryptor.Encrypt(nonce, "09"),
            EncryptedExpiryYear = _encryptor.Encrypt(nonce, "32"),
            EncryptedCvv = _encryptor.Encrypt(nonce, "123"),
        };
    }

    [Benchmark]
    public string EncryptCard()
    {
        var nonce = _encryptor.CreateNonce();
        _ = _encryptor.Encrypt(nonce, "4111111111111111");
        _ = _encryptor.Encrypt(nonce, "09");
        _ = _encryptor.Encrypt(nonce, "32");
        return _encryptor.Encrypt(nonce, "123");
    }

    [Benchmark]
    public byte[] SerializePlaintextCard()
    {
        using (CardEncryption.Enter(_encryptor))
        {
            return JsonCodec.ToUtf8Bytes(_plain, JsonCodec.WriteModel);
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] SerializePreEncryptedCard()
    {
        using (CardEncryption.Enter(_encryptor))
        {
            return JsonCodec.ToUtf8Bytes(_encrypted, JsonCodec.WriteModel);
        }
    }
}
