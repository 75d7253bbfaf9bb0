using System;

namespace Flutterwave.Runtime.Encryption;

/// <summary>
/// The encryptor in force while a request body is serialized. Generated <c>WriteJson</c> methods of objects with
/// <c>nonce</c> + <c>encrypted_*</c> members read <see cref="Current"/> to encrypt the plaintext members a caller set.
/// </summary>
/// <remarks>
/// Serialization is synchronous, so a thread-static is exact: the transport enters a scope, serializes the body,
/// and leaves, all on one thread with no await in between. Outside a scope (a plain <c>JsonSerializer</c> call)
/// <see cref="Current"/> is <see langword="null"/> and generated code refuses to write plaintext.
/// </remarks>
public static class CardEncryption
{
    [ThreadStatic]
    private static CardEncryptor? t_current;

    /// <summary>The encryptor for the body being serialized on this thread, if any.</summary>
    public static CardEncryptor? Current => t_current;

    /// <summary>Makes <paramref name="encryptor"/> current until the returned scope is disposed.</summary>
    /// <param name="encryptor">The encryptor, or <see langword="null"/> when no key is configured.</param>
    /// <returns>The scope; dispose it on the same thread.</returns>
    public static Scope Enter(CardEncryptor? encryptor)
    {
        var previous = t_current;
        t_current = encryptor;
        return new Scope(previous);
    }

    /// <summary>Restores the previous encryptor when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly CardEncryptor? _previous;

        internal Scope(CardEncryptor? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => t_current = _previous;
    }
}
