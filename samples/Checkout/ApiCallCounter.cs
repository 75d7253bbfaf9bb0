using System.Collections.Concurrent;

namespace Checkout;

/// <summary>
/// Counts the HTTP requests the client sends, by method and path, so the sample can say how many pages a listing
/// fetched and how many calls the run made. Fed by <see cref="ApiCallCountingHandler"/>, which runs once per attempt.
/// </summary>
internal sealed class ApiCallCounter
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Every request counted so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests counted so far for one method and path.</summary>
    /// <param name="method">For example <c>GET</c>.</param>
    /// <param name="path">The path relative to the base address, for example <c>charges</c>.</param>
    /// <returns>The count.</returns>
    public long Count(string method, string path) => _byOperation.GetValueOrDefault(Key(method, path));

    /// <summary>Counts one request.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">Its path relative to the base address.</param>
    public void Record(string method, string path)
    {
        Interlocked.Increment(ref _total);
        _byOperation.AddOrUpdate(Key(method, path), 1, (_, n) => n + 1);
    }

    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + path.Trim('/');
}
