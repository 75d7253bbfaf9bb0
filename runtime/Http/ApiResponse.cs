using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using Flutterwave.Runtime.Json;
using Flutterwave.Runtime.Paging;

namespace Flutterwave.Runtime.Http;

/// <summary>A successful HTTP response, read in full, that generated code turns into a typed result.</summary>
public sealed class ApiResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="request">The request that produced it.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="contentType">The body's media type, when the server sent one.</param>
    /// <param name="headers">The response headers (names are case-insensitive).</param>
    public ApiResponse(ApiRequest request, HttpStatusCode statusCode, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The request that produced this response.</summary>
    public ApiRequest Request { get; }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body's media type.</summary>
    public string? ContentType { get; }

    /// <summary>Response headers, multiple values joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Reads the whole body as JSON.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="read">Reads the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ApiException">The body is not JSON of the expected shape.</exception>
    public T ReadJson<T>(JsonValueReader<T> read)
    {
        try
        {
            return JsonCodec.FromUtf8Bytes(Body.Span, read);
        }
        catch (JsonException ex)
        {
            throw Unreadable(ex);
        }
    }

    /// <summary>Reads the body as UTF-8 text.</summary>
    /// <returns>The text.</returns>
    public string ReadText() => System.Text.Encoding.UTF8.GetString(Body.Span);

    /// <summary>Reads the body's bytes.</summary>
    /// <returns>A copy of the bytes.</returns>
    public byte[] ReadBytes() => Body.ToArray();

    /// <summary>Reads the <c>data</c> member of a response envelope (<c>{ status, message, data }</c>).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="read">Reads the payload.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ApiException">The body is not an envelope, or has no <c>data</c>.</exception>
    public T ReadEnvelopeData<T>(JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            var reader = CreateReader();
            var found = false;
            T result = default!;
            WalkEnvelope(ref reader, (ref Utf8JsonReader r, EnvelopeMemberName name) =>
            {
                if (name == EnvelopeMemberName.Data && r.TokenType != JsonTokenType.Null)
                {
                    result = read(ref r);
                    found = true;
                    return true;
                }

                return false;
            });
            return found ? result : throw Unreadable(new JsonException("The response envelope has no 'data'."));
        }
        catch (JsonException ex)
        {
            throw Unreadable(ex);
        }
    }

    /// <summary>Reads a list envelope: the <c>data</c> array and <c>meta.page_info</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ApiException">The body is not a list envelope.</exception>
    public Page<T> ReadPage<T>(JsonValueReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        try
        {
            var reader = CreateReader();
            List<T>? items = null;
            PageInfo? pageInfo = null;
            WalkEnvelope(ref reader, (ref Utf8JsonReader r, EnvelopeMemberName name) =>
            {
                if (name == EnvelopeMemberName.Data && r.TokenType != JsonTokenType.Null)
                {
                    items = JsonCodec.ReadList(ref r, readItem);
                    return true;
                }

                if (name == EnvelopeMemberName.Meta && r.TokenType == JsonTokenType.StartObject)
                {
                    pageInfo = PageInfo.ReadFromMeta(ref r);
                    return true;
                }

                return false;
            });
            return new Page<T>(items ?? new List<T>(), pageInfo);
        }
        catch (JsonException ex)
        {
            throw Unreadable(ex);
        }
    }

    private enum EnvelopeMemberName
    {
        Other,
        Data,
        Meta,
    }

    private delegate bool EnvelopeMember(ref Utf8JsonReader reader, EnvelopeMemberName name);

    private static void WalkEnvelope(ref Utf8JsonReader reader, EnvelopeMember member)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The response is not a JSON object envelope.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.ValueTextEquals("data"u8) ? EnvelopeMemberName.Data
                : reader.ValueTextEquals("meta"u8) ? EnvelopeMemberName.Meta
                : EnvelopeMemberName.Other;
            reader.Read();
            if (!member(ref reader, name))
            {
                reader.Skip();
            }
        }
    }

    private Utf8JsonReader CreateReader() => new(Body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });

    private ApiException Unreadable(JsonException inner) =>
        new(StatusCode, $"{Request.Method} {Request.PathTemplate} returned {(int)StatusCode} but the body could not be read: {inner.Message}", inner);
}
