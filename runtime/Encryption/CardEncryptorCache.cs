using System;
using System.Collections.Concurrent;

namespace Flutterwave.Runtime.Encryption;

/// <summary>
/// One <see cref="CardEncryptor"/> per client name for as long as its key stays the same, so clients resolved per
/// request share one (and its per-thread AES state) instead of importing the key again each time. A changed key
/// (configuration reload) gets a new encryptor.
/// </summary>
internal sealed class CardEncryptorCache
{
    private readonly ConcurrentDictionary<string, (string Key, CardEncryptor Encryptor)> _encryptors = new(StringComparer.Ordinal);

    public CardEncryptor? Get(string clientName, string? base64Key)
    {
        if (string.IsNullOrEmpty(base64Key))
        {
            return null;
        }

        if (_encryptors.TryGetValue(clientName, out var cached) && string.Equals(cached.Key, base64Key, StringComparison.Ordinal))
        {
            return cached.Encryptor;
        }

        var encryptor = CardEncryptor.FromBase64Key(base64Key);
        _encryptors[clientName] = (base64Key, encryptor);
        return encryptor;
    }
}
