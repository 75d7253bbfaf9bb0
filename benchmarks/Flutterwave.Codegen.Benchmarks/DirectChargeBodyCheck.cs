using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flutterwave.Runtime.Encryption;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// Makes sure the two senders do the same work before anything is measured: the generated client's request body
/// (written with its encryptor, as the transport writes it) and the hand-written one must hold the same members with
/// the same values once the <c>encrypted_*</c> fields are decrypted. A mismatch names the member paths only, never a
/// value (the values include card data).
/// </summary>
internal static class DirectChargeBodyCheck
{
    private const string EncryptedPrefix = "encrypted_";

    public static void Verify(HandWrittenDirectCharges handWritten, string base64Key)
    {
        const string reference = "body-check-0000001";
        byte[] generated;
        using (CardEncryption.Enter(CardEncryptor.FromBase64Key(base64Key)))
        {
            generated = JsonCodec.ToUtf8Bytes(GeneratedDirectCharges.NewRequest(reference), JsonCodec.WriteModel);
        }

        var key = Convert.FromBase64String(base64Key);
        var expected = Flatten(generated, key);
        var actual = Flatten(handWritten.WriteBody(reference), key);
        var differing = expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
            .Where(path => !expected.TryGetValue(path, out var e) || !actual.TryGetValue(path, out var a) || e != a)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        CryptographicOperations.ZeroMemory(key);
        if (differing.Count > 0)
        {
            throw new InvalidOperationException("The generated and hand-written direct-charge bodies differ at: " + string.Join(", ", differing));
        }
    }

    /// <summary>Every scalar member as path -> raw JSON text, with encrypted fields replaced by their plaintext.</summary>
    private static Dictionary<string, string> Flatten(byte[] body, byte[] key)
    {
        using var document = JsonDocument.Parse(body);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(document.RootElement, string.Empty, null, key, members);
        return members;
    }

    private static void Walk(JsonElement element, string path, string? nonce, byte[] key, Dictionary<string, string> members)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            members[path] = element.GetRawText();
            return;
        }

        var ownNonce = element.TryGetProperty("nonce", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : nonce;
        foreach (var property in element.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (property.Name.StartsWith(EncryptedPrefix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                members[childPath] = Decrypt(property.Value.GetString()!, ownNonce, key);
            }
            else if (property.Name == "nonce")
            {
                members[childPath] = "(a nonce)";
            }
            else
            {
                Walk(property.Value, childPath, ownNonce, key, members);
            }
        }
    }

    private static string Decrypt(string base64, string? nonce, byte[] key)
    {
        if (nonce is not { Length: 12 })
        {
            return "(no nonce)";
        }

        var sealedField = Convert.FromBase64String(base64);
        var plain = new byte[sealedField.Length - 16];
        using var aes = new AesGcm(key, 16);
        try
        {
            aes.Decrypt(Encoding.ASCII.GetBytes(nonce), sealedField.AsSpan(0, plain.Length), sealedField.AsSpan(plain.Length), plain);
            return Encoding.ASCII.GetString(plain);
        }
        catch (CryptographicException)
        {
            return "(does not decrypt)";
        }
    }
}
