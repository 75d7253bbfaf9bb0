using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// A response's headers (message and content headers, names ignoring case, repeated values joined with commas),
/// copied into a dictionary only when first read: most calls never look at them.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, string>
{
    private readonly HttpResponseHeaders _headers;
    private readonly HttpContentHeaders? _contentHeaders;
    private Dictionary<string, string>? _values;

    public ResponseHeaders(HttpResponseHeaders headers, HttpContentHeaders? contentHeaders)
    {
        _headers = headers;
        _contentHeaders = contentHeaders;
    }

    private Dictionary<string, string> Values => _values ??= Collect();

    public string this[string key] => Values[key];

    public IEnumerable<string> Keys => Values.Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values.Values;

    public int Count => Values.Count;

    public bool ContainsKey(string key) => Values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, string> Collect()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in _headers)
        {
            values[header.Key] = string.Join(",", header.Value);
        }

        if (_contentHeaders is not null)
        {
            foreach (var header in _contentHeaders)
            {
                values[header.Key] = string.Join(",", header.Value);
            }
        }

        return values;
    }
}
