using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Flutterwave.Runtime.Annotations;

namespace Flutterwave.Runtime.Webhooks;

/// <summary>
/// Checks the <c>flutterwave-signature</c> header of a webhook delivery and reads the delivery into a <see cref="WebhookEvent"/>.
/// </summary>
/// <remarks>
/// <para>Sources disagree on what the header holds: Flutterwave's samples compare it to the merchant's secret hash as
/// it is, others compute <c>base64(HMAC-SHA256(raw body, secret hash))</c>. A signature matching either is accepted.
/// Both checks always run and both compare fixed-length values with
/// <see cref="CryptographicOperations.FixedTimeEquals(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>: the plain scheme
/// compares SHA-256 digests of the header and of the secret hash, so neither the time taken nor an early exit reveals
/// how many leading characters matched, or the secret hash's length.</para>
/// <para>Verify the raw body exactly as it arrived (read the request body as bytes before any JSON parsing or
/// re-encoding), or the HMAC scheme cannot match.</para>
/// <para>Flutterwave may deliver the same event more than once (it retries until it gets a 2xx, and a retry can cross
/// a slow acknowledgement). Handlers must be idempotent: record <see cref="WebhookEvent.WebhookId"/> and skip ids
/// already handled, and answer 2xx quickly, doing slow work after acknowledging.</para>
/// <para>Thread-safe: one instance can serve every request. It has no dependency on any web framework.</para>
/// </remarks>
public sealed class FlutterwaveWebhookVerifier
{
    /// <summary>The header Flutterwave puts the signature in.</summary>
    public const string SignatureHeaderName = "flutterwave-signature";

    /// <summary>Signatures longer than this are rejected without hashing (a SHA-256 HMAC is 44 base64 characters).</summary>
    private const int MaxSignatureLength = 4096;

    private const int DigestLength = 32;

    /// <summary>The secret hash's UTF-8 bytes: the HMAC key.</summary>
    [Secret]
    private readonly byte[] _secretHash;

    /// <summary>SHA-256 of <see cref="_secretHash"/>, compared with the digest of a plain signature.</summary>
    [Secret]
    private readonly byte[] _secretHashDigest;

    /// <summary>Creates a verifier for a secret hash.</summary>
    /// <param name="secretHash">The secret hash set in the Flutterwave dashboard's webhook settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secretHash"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secretHash"/> is empty or white space.</exception>
    public FlutterwaveWebhookVerifier([Secret] string secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        if (string.IsNullOrWhiteSpace(secretHash))
        {
            // The value is blank, so naming the parameter says everything; nothing of a secret is shown.
            throw new ArgumentException("The webhook secret hash is empty.", nameof(secretHash));
        }

        _secretHash = Encoding.UTF8.GetBytes(secretHash);
        _secretHashDigest = SHA256.HashData(_secretHash);
    }

    /// <summary>Whether <paramref name="signature"/> is a valid <c>flutterwave-signature</c> for <paramref name="body"/>.</summary>
    /// <param name="body">The raw request body, byte for byte as received.</param>
    /// <param name="signature">The <c>flutterwave-signature</c> header's value; <see langword="null"/> when the header is missing.</param>
    /// <returns>
    /// <see langword="true"/> when the signature equals the secret hash, or is the base64 HMAC-SHA256 of the body keyed
    /// with the secret hash; <see langword="false"/> when it is missing, empty or matches neither.
    /// </returns>
    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > MaxSignatureLength)
        {
            return false;
        }

        var trimmed = signature.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        // Both schemes are computed before either result is looked at, and combined without short-circuiting.
        var plain = MatchesSecretHash(trimmed);
        var hmac = MatchesBodyHmac(body, trimmed);
        return plain | hmac;
    }

    /// <summary>Reads a webhook delivery without checking its signature (use <see cref="VerifyAndParse"/> for deliveries from the network).</summary>
    /// <param name="body">The raw request body.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FlutterwaveWebhookException">The body is not a webhook payload. The message never contains the body.</exception>
    public static WebhookEvent Parse(ReadOnlySpan<byte> body) => WebhookEvent.Parse(body);

    /// <summary>Checks the signature, then reads the delivery.</summary>
    /// <param name="body">The raw request body, byte for byte as received.</param>
    /// <param name="signature">The <c>flutterwave-signature</c> header's value.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FlutterwaveWebhookSignatureException">The signature is missing or does not match: answer 401 and ignore the body.</exception>
    /// <exception cref="FlutterwaveWebhookException">The signature matches but the body is not a webhook payload.</exception>
    public WebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, string? signature)
    {
        if (!Verify(body, signature))
        {
            throw new FlutterwaveWebhookSignatureException(string.IsNullOrWhiteSpace(signature)
                ? $"The webhook delivery has no {SignatureHeaderName} header (or it is empty)."
                : $"The webhook delivery's {SignatureHeaderName} header matches neither the secret hash nor the HMAC-SHA256 of the body.");
        }

        return WebhookEvent.Parse(body);
    }

    /// <summary>Checks the signature and, when it matches, reads the delivery.</summary>
    /// <param name="body">The raw request body, byte for byte as received.</param>
    /// <param name="signature">The <c>flutterwave-signature</c> header's value.</param>
    /// <param name="webhookEvent">The event, when the signature matched.</param>
    /// <returns>Whether the signature matched.</returns>
    /// <exception cref="FlutterwaveWebhookException">The signature matches but the body is not a webhook payload.</exception>
    public bool TryVerifyAndParse(ReadOnlySpan<byte> body, string? signature, [NotNullWhen(true)] out WebhookEvent? webhookEvent)
    {
        if (!Verify(body, signature))
        {
            webhookEvent = null;
            return false;
        }

        webhookEvent = WebhookEvent.Parse(body);
        return true;
    }

    /// <summary>Describes the verifier without its secret.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => "FlutterwaveWebhookVerifier { SecretHash = (set) }";

    private bool MatchesSecretHash(ReadOnlySpan<char> signature)
    {
        var byteCount = Encoding.UTF8.GetByteCount(signature);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(signature, rented));
            Span<byte> digest = stackalloc byte[DigestLength];
            SHA256.HashData(bytes, digest);
            return CryptographicOperations.FixedTimeEquals(digest, _secretHashDigest);
        }
        finally
        {
            // When the plain scheme is in use a valid header is the secret itself: do not leave it in a pooled array.
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, byteCount));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool MatchesBodyHmac(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[DigestLength];
        HMACSHA256.HashData(_secretHash, body, expected);

        // Decode into a buffer of exactly the digest's length: anything that is not 32 bytes of base64 compares as
        // all zeros, so the comparison below is always over 32 bytes.
        Span<byte> provided = stackalloc byte[DigestLength];
        var decoded = Convert.TryFromBase64Chars(signature, provided, out var written) && written == DigestLength;
        if (!decoded)
        {
            provided.Clear();
        }

        return CryptographicOperations.FixedTimeEquals(expected, provided) & decoded;
    }
}
