using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// One HTTP request as a generated operation describes it: method, path, query, headers and body.
/// Built by generated code and handed to an <see cref="IApiTransport"/>.
/// </summary>
public sealed class ApiRequest
{
    private readonly StringBuilder _path = new();
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="operationId">The operation's id in the spec (or the stable name the generator gave it).</param>
    /// <param name="pathTemplate">The path as the spec writes it, with <c>{placeholders}</c>: safe to log, holds no ids.</param>
    public ApiRequest(HttpMethod method, string operationId, string pathTemplate)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The operation's id.</summary>
    public string OperationId { get; }

    /// <summary>The path template, with placeholders rather than values.</summary>
    public string PathTemplate { get; }

    /// <summary>The path with parameter values substituted and escaped.</summary>
    public string Path => _path.ToString();

    /// <summary>Query parameters in the order they were added (repeated names for exploded arrays).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    /// <summary>Headers the operation declares as parameters.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    private Func<ReadOnlyMemory<byte>>? _serializeBody;
    private ReadOnlyMemory<byte>? _body;

    /// <summary>The body's media type.</summary>
    public string? ContentType { get; private set; }

    /// <summary>
    /// Whether credentials are sent. <see langword="false"/> for operations the spec marks public (<c>security: []</c>).
    /// </summary>
    public bool RequiresAuthentication { get; set; } = true;

    /// <summary>
    /// The header that carries <see cref="RequestOptions.IdempotencyKey"/> for this operation, with its rules;
    /// <see langword="null"/> (the default) when the operation takes none: then a key the caller sets is refused.
    /// </summary>
    public OptionHeader? IdempotencyKeyHeader { get; set; }

    /// <summary>The header that carries <see cref="RequestOptions.TraceId"/>, or <see langword="null"/>: no trace id is sent.</summary>
    public OptionHeader? TraceIdHeader { get; set; }

    /// <summary>The header that carries <see cref="RequestOptions.ScenarioKey"/>, or <see langword="null"/>: no scenario key is sent.</summary>
    public OptionHeader? ScenarioKeyHeader { get; set; }

    /// <summary>Appends literal path text (already valid in a URI path).</summary>
    /// <param name="literal">The text.</param>
    public void AppendPath(string literal) => _path.Append(literal);

    /// <summary>Appends a path parameter value, percent-encoding it so it stays one segment.</summary>
    /// <param name="value">The formatted value.</param>
    /// <param name="name">The parameter name, for the error when the value is empty.</param>
    /// <exception cref="ArgumentException">The value is empty: the request would address a different resource.</exception>
    public void AppendPathParameter(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length == 0)
        {
            throw new ArgumentException($"The path parameter '{name}' must not be empty.", name);
        }

        _path.Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds a query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The formatted value.</param>
    public void AddQuery(string name, string value) => _query.Add(new(name, value));

    /// <summary>Adds a header parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The formatted value.</param>
    public void AddHeader(string name, string value) => _headers.Add(new(name, value));

    /// <summary>Serializes <paramref name="value"/> as the JSON body.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="write">Writes the value.</param>
    /// <param name="contentType">The media type; <c>application/json</c> unless the spec names another JSON type.</param>
    /// <remarks>
    /// Serialization is deferred to <see cref="SerializeBody"/>, so the transport can supply the card encryptor
    /// that fills <c>nonce</c> and <c>encrypted_*</c> members. <paramref name="value"/> is never modified.
    /// </remarks>
    public void SetJsonBody<T>(T value, JsonValueWriter<T> write, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(write);
        _body = null;
        _serializeBody = () => JsonCodec.ToUtf8Bytes(value, write);
        ContentType = contentType;
    }

    /// <summary>Sets a raw body.</summary>
    /// <param name="body">The bytes.</param>
    /// <param name="contentType">The media type.</param>
    public void SetBody(ReadOnlyMemory<byte> body, string contentType)
    {
        _serializeBody = null;
        _body = body;
        ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
    }

    /// <summary>
    /// The body's bytes, serialized on the first call with <paramref name="encryptor"/> current
    /// (<see cref="Encryption.CardEncryption"/>), and the same bytes on every later call: every retry of a
    /// logical call sends one body, with one nonce.
    /// </summary>
    /// <param name="encryptor">Encrypts card fields the caller set in plaintext; <see langword="null"/> when no key is configured.</param>
    /// <returns>The bytes, or <see langword="null"/> when the request has no body.</returns>
    public ReadOnlyMemory<byte>? SerializeBody(Encryption.CardEncryptor? encryptor)
    {
        if (_serializeBody is { } serialize)
        {
            using (Encryption.CardEncryption.Enter(encryptor))
            {
                _body = serialize();
            }

            _serializeBody = null;
        }

        return _body;
    }

    /// <summary>The path and query, relative to the base address, with the query percent-encoded.</summary>
    /// <returns>For example <c>/customers?page=2&amp;limit=10</c>.</returns>
    public string BuildPathAndQuery()
    {
        if (_query.Count == 0)
        {
            return Path;
        }

        var builder = new StringBuilder(Path);
        for (var i = 0; i < _query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(_query[i].Key))
                .Append('=')
                .Append(Uri.EscapeDataString(_query[i].Value));
        }

        return builder.ToString();
    }
}
