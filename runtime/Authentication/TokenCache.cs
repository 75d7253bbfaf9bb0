using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Flutterwave.Runtime.Authentication;

/// <summary>
/// Token sources keyed by token endpoint and client id, so clients with the same credentials share one token and
/// clients with different ones never do. One instance per service provider (or per client built without DI):
/// never a static shared by every client in the process.
/// </summary>
public sealed class TokenCache
{
    private readonly ConcurrentDictionary<string, Lazy<ClientCredentialsTokenSource>> _sources = new(StringComparer.Ordinal);

    /// <summary>How many distinct token sources the cache holds.</summary>
    public int Count => _sources.Count;

    /// <summary>Returns the source for these credentials, creating it with <paramref name="create"/> the first time.</summary>
    /// <param name="tokenEndpoint">The token endpoint.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The secret: part of the key (as a hash) so a rotated secret gets a new source.</param>
    /// <param name="create">Creates the source.</param>
    /// <returns>The shared source.</returns>
    public ClientCredentialsTokenSource GetOrCreate(Uri tokenEndpoint, string clientId, string clientSecret, Func<ClientCredentialsTokenSource> create)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        ArgumentNullException.ThrowIfNull(create);
        var secretHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret)));
        var key = tokenEndpoint.AbsoluteUri + "\n" + clientId + "\n" + secretHash;
        return _sources.GetOrAdd(key, _ => new Lazy<ClientCredentialsTokenSource>(create)).Value;
    }
}
