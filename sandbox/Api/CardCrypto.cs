using System.Security.Cryptography;
using System.Text;

namespace Flutterwave.Sandbox.Api;

/// <summary>
/// Decrypts what clients encrypt for Flutterwave: AES-256-GCM, 128-bit tag, no associated data, IV = the nonce's 12
/// ASCII bytes, wire value base64(ciphertext || tag). Any failure is a 422 <c>CLIENT_ENCRYPTION_ERROR</c> naming the
/// field, never the value.
/// </summary>
internal sealed class CardCrypto : IDisposable
{
    private const int TagSize = 16;
    private readonly AesGcm _aes;

    public CardCrypto(byte[] key) => _aes = new AesGcm(key, TagSize);

    public string Decrypt(string? nonce, string? encrypted, string field)
    {
        if (nonce is null || nonce.Length != 12 || !nonce.All(char.IsAsciiLetterOrDigit) || string.IsNullOrEmpty(encrypted))
        {
            throw ApiProblem.Encryption(field);
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw ApiProblem.Encryption(field);
        }

        if (data.Length <= TagSize || data.Length > 1024)
        {
            throw ApiProblem.Encryption(field);
        }

        var plain = new byte[data.Length - TagSize];
        try
        {
            _aes.Decrypt(Encoding.ASCII.GetBytes(nonce), data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (CryptographicException)
        {
            throw ApiProblem.Encryption(field);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    public void Dispose() => _aes.Dispose();
}
