using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Sandbox;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The baseline of the sandbox load benchmarks: the same direct card charge as <see cref="GeneratedDirectCharges"/>,
/// written by hand the way a careful engineer would without a client library. One <see cref="HttpClient"/> over a
/// <see cref="SocketsHttpHandler"/>; one bearer token fetched up front; the trace id and idempotency key headers the
/// generated client sends; the card fields encrypted with <see cref="AesGcm"/> (Flutterwave's scheme: AES-256-GCM,
/// 128-bit tag, IV = the 12 ASCII bytes of the nonce, wire value base64(ciphertext || tag)) straight into a
/// <see cref="Utf8JsonWriter"/>; and from the answer only the charge's <c>status</c>, read with a
/// <see cref="Utf8JsonReader"/>. No retries, no timeouts, no logging, no token renewal.
/// </summary>
internal sealed class HandWrittenDirectCharges : IDirectChargeSender, IDisposable
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    private static readonly JsonEncodedText AmountName = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText CurrencyName = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText ReferenceName = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText CustomerName = JsonEncodedText.Encode("customer");
    private static readonly JsonEncodedText EmailName = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText PaymentMethodName = JsonEncodedText.Encode("payment_method");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText CardName = JsonEncodedText.Encode("card");
    private static readonly JsonEncodedText NonceName = JsonEncodedText.Encode("nonce");
    private static readonly JsonEncodedText CardNumberName = JsonEncodedText.Encode("encrypted_card_number");
    private static readonly JsonEncodedText ExpiryMonthName = JsonEncodedText.Encode("encrypted_expiry_month");
    private static readonly JsonEncodedText ExpiryYearName = JsonEncodedText.Encode("encrypted_expiry_year");
    private static readonly JsonEncodedText CvvName = JsonEncodedText.Encode("encrypted_cvv");
    private static readonly JsonEncodedText HolderName = JsonEncodedText.Encode("card_holder_name");

    // The card fields as the bytes that get encrypted (ASCII digits).
    private static readonly byte[] CardNumber = Encoding.ASCII.GetBytes(SandboxLoadCard.CardNumber);
    private static readonly byte[] ExpiryMonth = Encoding.ASCII.GetBytes(SandboxLoadCard.ExpiryMonth);
    private static readonly byte[] ExpiryYear = Encoding.ASCII.GetBytes(SandboxLoadCard.ExpiryYear);
    private static readonly byte[] Cvv = Encoding.ASCII.GetBytes(SandboxLoadCard.Cvv);

    // One buffer and writer per thread, as the runtime's JsonCodec keeps them, so the baseline is not slowed by
    // allocations the generated side avoids.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // AesGcm is not thread-safe and costs a key import to create: one per thread, for the instance that last used it.
    [ThreadStatic]
    private static (HandWrittenDirectCharges Owner, AesGcm Cipher)? t_cipher;

    private readonly HttpClient _http;
    private readonly Uri _chargeUri;
    private readonly string _accessToken;
    private readonly byte[] _key;

    private HandWrittenDirectCharges(HttpClient http, Uri chargeUri, string accessToken, byte[] key)
    {
        _http = http;
        _chargeUri = chargeUri;
        _accessToken = accessToken;
        _key = key;
    }

    private static ReadOnlySpan<byte> NonceAlphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"u8;

    /// <summary>Creates the HTTP client and fetches the one access token the whole run uses.</summary>
    public static async Task<HandWrittenDirectCharges> StartAsync(SandboxServer sandbox, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        try
        {
            using var form = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_id", sandbox.ClientId),
                new KeyValuePair<string, string>("client_secret", sandbox.ClientSecret),
            });
            using var response = await http.PostAsync(sandbox.TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException("The token endpoint answered " + (int)response.StatusCode + ".", null, response.StatusCode);
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            var token = json.RootElement.GetProperty("access_token").GetString()
                ?? throw new InvalidDataException("The token endpoint's answer has no access_token.");
            return new HandWrittenDirectCharges(http, new Uri(sandbox.BaseAddress, "orchestration/direct-charges"), token, Convert.FromBase64String(sandbox.EncryptionKey));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<string> ChargeAsync(string reference, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _chargeUri);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        message.Headers.TryAddWithoutValidation("X-Trace-Id", Guid.NewGuid().ToString("N"));
        message.Headers.TryAddWithoutValidation("X-Idempotency-Key", Guid.NewGuid().ToString("N"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var content = new ByteArrayContent(WriteBody(reference));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Content = content;

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException("POST /orchestration/direct-charges answered " + (int)response.StatusCode + ".", null, response.StatusCode);
        }

        return ReadChargeStatus(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The request body for one charge, card fields encrypted under a fresh nonce.</summary>
    public byte[] WriteBody(string reference)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ?? new Utf8JsonWriter(buffer);
        t_buffer = null;
        t_writer = null;
        writer.Reset(buffer);
        try
        {
            Span<byte> nonce = stackalloc byte[NonceLength];
            RandomNumberGenerator.GetItems(NonceAlphabet, nonce);

            writer.WriteStartObject();
            writer.WriteNumber(AmountName, SandboxLoadCard.Amount);
            writer.WriteString(CurrencyName, SandboxLoadCard.Currency);
            writer.WriteString(ReferenceName, reference);
            writer.WriteStartObject(CustomerName);
            writer.WriteString(EmailName, SandboxLoadCard.Email);
            writer.WriteEndObject();
            writer.WriteStartObject(PaymentMethodName);
            writer.WriteString(TypeName, "card"u8);
            writer.WriteStartObject(CardName);
            writer.WriteString(NonceName, nonce);
            WriteEncrypted(writer, CardNumberName, nonce, CardNumber);
            WriteEncrypted(writer, ExpiryMonthName, nonce, ExpiryMonth);
            WriteEncrypted(writer, ExpiryYearName, nonce, ExpiryYear);
            WriteEncrypted(writer, CvvName, nonce, Cvv);
            writer.WriteString(HolderName, SandboxLoadCard.HolderName);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Clear();
            writer.Reset();
            t_buffer = buffer;
            t_writer = writer;
        }
    }

    private void WriteEncrypted(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> sealedField = stackalloc byte[64];
        sealedField = sealedField[..(plaintext.Length + TagLength)];
        Cipher().Encrypt(nonce, plaintext, sealedField[..plaintext.Length], sealedField[plaintext.Length..]);
        writer.WriteBase64String(name, sealedField);
        CryptographicOperations.ZeroMemory(sealedField);
    }

    private AesGcm Cipher()
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

    /// <summary>Reads <c>data.status</c> from the <c>{ status, message, data }</c> envelope, skipping everything else.</summary>
    private static string ReadChargeStatus(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException("The answer is not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                break;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStatus = reader.ValueTextEquals("status"u8);
                reader.Read();
                if (isStatus && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!;
                }

                reader.Skip();
            }

            break;
        }

        throw new InvalidDataException("The answer has no data.status.");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
