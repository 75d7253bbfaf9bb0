using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// Marks a member that holds card data: a card number, CVV, expiry, PIN, or their encrypted forms.
/// </summary>
/// <remarks>
/// The generator puts it on every such member it emits, and the analyzers read it (for example to flag card
/// data reaching a log). Values of marked members never appear in logs, exception messages or <c>ToString()</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class CardDataAttribute : Attribute
{
    /// <summary>
    /// The member holds plaintext the client encrypts into its <c>encrypted_*</c> sibling when a request body is written:
    /// serialization never writes it as it is.
    /// </summary>
    public bool EncryptedWhenSent { get; set; }

    /// <summary>The member holds the encrypted form (base64 of ciphertext and tag), never the plaintext.</summary>
    public bool Ciphertext { get; set; }
}
