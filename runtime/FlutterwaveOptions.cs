using System;
using System.Collections.Generic;
using Flutterwave.Runtime.Annotations;
using Flutterwave.Runtime.Encryption;

namespace Flutterwave.Runtime;

/// <summary>
/// Settings for a client generated with Flutterwave's conventions (the bundled Flutterwave v4 spec, or a Flutterwave
/// spec of your own): everything in <see cref="ApiClientOptions"/>, plus the card encryption key. Bound from the
/// <c>Flutterwave</c> configuration section for the bundled client.
/// </summary>
public sealed class FlutterwaveOptions : ApiClientOptions
{
    /// <summary>
    /// The card encryption key as the dashboard shows it: base64 text decoding to 32 bytes. Needed only to send card
    /// data or PINs in plaintext members, which the client then encrypts.
    /// </summary>
    [Secret]
    public string? EncryptionKey { get; set; }

    internal override string? CardEncryptionKey => EncryptionKey;

    internal override void BindExtra(Func<string, string?> read) =>
        EncryptionKey = read(nameof(EncryptionKey)) ?? EncryptionKey;

    internal override void CheckExtra(string client, List<string> failures)
    {
        if (!string.IsNullOrEmpty(EncryptionKey) && !CardEncryptor.IsValidBase64Key(EncryptionKey, out var keyError))
        {
            failures.Add($"{client}: EncryptionKey is unusable. {keyError}");
        }
    }

    internal override string ExtraSettings() => $"EncryptionKey = {Mask(EncryptionKey)}, ";
}
