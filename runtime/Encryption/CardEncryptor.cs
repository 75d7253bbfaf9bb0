using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Flutterwave.Runtime.Encryption;

/// <summary>
/// Encrypts card fields and PINs the way Flutterwave v4 decrypts them: AES-256-GCM with a 128-bit tag and no
/// associated data; the IV is the UTF-8 bytes of a 12-character alphanumeric nonce; the wire value is
/// base64(ciphertext || tag).
/// </summary>
/// <remarks>
/// One instance per configured key; thread-safe. The key bytes stay inside this object and never appear in
/// any message it produces.
/// </remarks>
public sealed class CardEncryptor
{
    /// <summary>The nonce length the API expects, in characters (and IV bytes).</summary>
    public const int NonceLength = 12;

    private const int TagLength = 16;
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly byte[] _key;

    /// <summary>Creates an encryptor from the raw 32-byte key.</summary>
    /// <param name="key">The AES-256 key.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public CardEncryptor(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"The encryption key must be 32 bytes (AES-256); it is {key.Length} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Creates an encryptor from the dashboard's encryption key: base64 text that decodes to 32 bytes.</summary>
    /// <param name="base64Key">The key as the dashboard shows it.</param>
    /// <returns>The encryptor.</returns>
    /// <exception cref="ArgumentException">The text is not base64, or does not decode to 32 bytes. The message never contains the key.</exception>
    public static CardEncryptor FromBase64Key(string base64Key)
    {
        ArgumentNullException.ThrowIfNull(base64Key);
        if (!TryDecodeKey(base64Key, out var key, out var error))
        {
            throw new ArgumentException(error, nameof(base64Key));
        }

        try
        {
            return new CardEncryptor(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Checks that <paramref name="base64Key"/> is base64 decoding to exactly 32 bytes.</summary>
    /// <param name="base64Key">The key text.</param>
    /// <param name="error">Why it is not usable; never contains the key.</param>
    /// <returns><see langword="true"/> when the key is usable.</returns>
    public static bool IsValidBase64Key(string? base64Key, out string? error)
    {
        if (base64Key is null)
        {
            error = "The encryption key is not set.";
            return false;
        }

        var ok = TryDecodeKey(base64Key, out var key, out error);
        CryptographicOperations.ZeroMemory(key);
        return ok;
    }

    private static bool TryDecodeKey(string base64Key, out byte[] key, out string? error)
    {
        var buffer = new byte[(base64Key.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64Key.Trim(), buffer, out var written))
        {
            key = Array.Empty<byte>();
            error = "The encryption key is not valid base64 text. Copy it from the dashboard as it is shown.";
            return false;
        }

        key = buffer.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        if (written != 32)
        {
            error = $"The encryption key must decode to 32 bytes (AES-256); it decodes to {written} bytes.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Creates a fresh nonce: 12 characters from A-Z, a-z and 0-9, drawn from a cryptographic RNG.</summary>
    /// <returns>The nonce.</returns>
    public string CreateNonce() => string.Create(NonceLength, 0, static (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = NonceAlphabet[RandomNumberGenerator.GetInt32(NonceAlphabet.Length)];
        }
    });

    /// <summary>Encrypts one field with <paramref name="nonce"/>.</summary>
    /// <param name="nonce">The request's nonce, from <see cref="CreateNonce"/> (12 ASCII characters).</param>
    /// <param name="plaintext">The field's value.</param>
    /// <returns>base64(ciphertext || tag).</returns>
    /// <exception cref="ArgumentException">The nonce is not 12 ASCII letters or digits.</exception>
    public string Encrypt(string nonce, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(plaintext);
        if (nonce.Length != NonceLength || !IsAlphanumeric(nonce))
        {
            throw new ArgumentException("The nonce must be 12 ASCII letters or digits.", nameof(nonce));
        }

        Span<byte> iv = stackalloc byte[NonceLength];
        Encoding.ASCII.GetBytes(nonce, iv);
        var plainLength = Encoding.UTF8.GetByteCount(plaintext);
        var rented = ArrayPool<byte>.Shared.Rent((plainLength * 2) + TagLength);
        try
        {
            var plain = rented.AsSpan(0, plainLength);
            Encoding.UTF8.GetBytes(plaintext, plain);
            var output = rented.AsSpan(plainLength, plainLength + TagLength);
            CipherForThisThread().Encrypt(iv, plain, output[..plainLength], output[plainLength..]);

            return Convert.ToBase64String(output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, (plainLength * 2) + TagLength));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // AesGcm is not thread-safe and costs microseconds to set up (key import into the native library): keep one per
    // thread for the encryptor that last used it there.
    [ThreadStatic]
    private static (CardEncryptor Owner, AesGcm Cipher)? t_cipher;

    private AesGcm CipherForThisThread()
    {
        if (t_cipher is { } cached && ReferenceEquals(cached.Owner, this))
        {
            return cached.Cipher;
        }

        t_cipher?.Cipher.Dispose();
        var cipher = new AesGcm(_key, TagLength);
        t_cipher = (this, cipher);
        return cipher;
    }

    private static bool IsAlphanumeric(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => "CardEncryptor (key hidden)";
}
