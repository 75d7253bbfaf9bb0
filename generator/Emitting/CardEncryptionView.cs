using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// The C# for an object with client-side encrypted members (<c>nonce</c> + <c>encrypted_*</c>): the plaintext
/// properties it adds, and the start of <c>WriteJson</c> that turns plaintext into the wire members.
/// </summary>
/// <remarks>
/// The prologue works on locals only: the caller's object is never modified, so it can be sent again (a new nonce
/// each time) and nothing written by one request leaks into the next. Plaintext is never written under its own
/// name. Messages name members, never values.
/// </remarks>
internal sealed class CardEncryptionView
{
    /// <summary>On the plaintext members: card data the client encrypts when it writes the request.</summary>
    public const string PlaintextCardDataAttribute = "        [global::Flutterwave.Runtime.Annotations.CardData(EncryptedWhenSent = true)]\n";


    private const string Indent = "            ";
    private const string NonceLocal = "cardNonce";

    private readonly EncryptionModel _encryption;
    private readonly Dictionary<string, string> _locals = new();

    private CardEncryptionView(EncryptionModel encryption)
    {
        _encryption = encryption;
        _locals[encryption.NonceProperty] = NonceLocal;
        for (var i = 0; i < encryption.Fields.Count; i++)
        {
            _locals[encryption.Fields[i].EncryptedPropertyName] = EncryptedLocal(i);
        }
    }

    /// <summary>The view, or <see langword="null"/> when the Conventions stage recorded no encryption for the object.</summary>
    public static CardEncryptionView? Create(ObjectModel model) =>
        model.Encryption is { Fields.Count: > 0 } encryption ? new CardEncryptionView(encryption) : null;

    /// <summary>The local that holds the value to write for <c>nonce</c> or an <c>encrypted_*</c> member.</summary>
    public string? LocalFor(string propertyName) => _locals.TryGetValue(propertyName, out var local) ? local : null;

    /// <summary>The plaintext properties: name, doc comment and attributes.</summary>
    public List<object> PlainProperties()
    {
        var result = new List<object>();
        foreach (var field in _encryption.Fields)
        {
            var summary = $"The plaintext behind <c>{XmlDoc.Escape(field.EncryptedJsonName)}</c>: encrypted when the request is sent, never written or read as JSON.";
            var remarks = $"Setting it makes the client fill <c>{XmlDoc.Escape(_encryption.NonceJsonName)}</c> and <c>{XmlDoc.Escape(field.EncryptedJsonName)}</c> with AES-256-GCM "
                + "under a fresh nonce each time the request body is written; this object is not modified. That needs "
                + "<c>FlutterwaveOptions.EncryptionKey</c>. Leave the plaintext properties unset to send values encrypted elsewhere "
                + $"(for example in a browser) through <see cref=\"{XmlDoc.EscapeAttribute(field.EncryptedPropertyName)}\"/> as they are.";
            result.Add(new
            {
                Name = field.PlainName,
                Doc = "        /// <summary>" + summary + "</summary>\n        /// <remarks>" + remarks + "</remarks>\n",
                Attributes = PlaintextCardDataAttribute,
            });
        }

        return result;
    }

    /// <summary>Statements at the start of <c>WriteJson</c> that fill the locals written for the wire members.</summary>
    public string Prologue(string typeName)
    {
        var fields = _encryption.Fields;
        var lines = new List<string>
        {
            "// Card data: plaintext members are encrypted into locals here; this object is never modified.",
            $"var {NonceLocal} = this.{_encryption.NonceProperty};",
        };
        for (var i = 0; i < fields.Count; i++)
        {
            lines.Add($"var {EncryptedLocal(i)} = this.{fields[i].EncryptedPropertyName};");
        }

        var plainSet = string.Join(" || ", fields.Select(f => $"this.{f.PlainName} is not null"));
        var wireSet = string.Join(" || ", new[] { NonceLocal }.Concat(Enumerable.Range(0, fields.Count).Select(EncryptedLocal)).Select(l => l + " is not null"));
        var plainNames = string.Join(", ", fields.Select(f => f.PlainName));
        var wireNames = string.Join(", ", new[] { _encryption.NonceJsonName }.Concat(fields.Select(f => f.EncryptedJsonName)));

        lines.Add($"if ({plainSet})");
        lines.Add("{");
        lines.Add($"    if ({wireSet})");
        lines.Add("    {");
        lines.Add("        throw new global::System.InvalidOperationException(" + Literals.String(
            $"{typeName}: set either the plaintext members ({plainNames}) or the wire members ({wireNames}), not both.") + ");");
        lines.Add("    }");
        lines.Add(string.Empty);
        lines.Add("    var cardEncryptor = global::Flutterwave.Runtime.Encryption.CardEncryption.Current ?? throw new global::System.InvalidOperationException(" + Literals.String(
            $"{typeName}: plaintext card data ({plainNames}) is encrypted when a request is sent, which needs FlutterwaveOptions.EncryptionKey. "
            + "Configure the key, or set the encrypted members yourself. Plaintext is never written as JSON.") + ");");
        lines.Add($"    {NonceLocal} = cardEncryptor.CreateNonce();");
        for (var i = 0; i < fields.Count; i++)
        {
            var plain = "plain" + i.ToString(CultureInfo.InvariantCulture);
            if (i > 0)
            {
                lines.Add(string.Empty);
            }

            lines.Add($"    if (this.{fields[i].PlainName} is {{ }} {plain})");
            lines.Add("    {");
            lines.Add($"        {EncryptedLocal(i)} = cardEncryptor.Encrypt({NonceLocal}, {plain});");
            lines.Add("    }");
        }

        lines.Add("}");
        for (var i = 0; i < fields.Count; i++)
        {
            if (!fields[i].Required)
            {
                continue;
            }

            lines.Add(string.Empty);
            lines.Add($"if ({EncryptedLocal(i)} is null)");
            lines.Add("{");
            lines.Add("    throw new global::System.InvalidOperationException(" + Literals.String(
                $"{typeName}: '{fields[i].EncryptedJsonName}' is required; set {fields[i].PlainName} (encrypted when sent) or {fields[i].EncryptedPropertyName}.") + ");");
            lines.Add("}");
        }

        if (_encryption.NonceRequired)
        {
            lines.Add(string.Empty);
            lines.Add($"if ({NonceLocal} is null)");
            lines.Add("{");
            lines.Add("    throw new global::System.InvalidOperationException(" + Literals.String(
                $"{typeName}: '{_encryption.NonceJsonName}' is required with encrypted members set by the caller; set {_encryption.NonceProperty} too, or set the plaintext members instead.") + ");");
            lines.Add("}");
        }

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line.Length == 0 ? string.Empty : Indent + line).Append('\n');
        }

        return builder.Append('\n').ToString();
    }

    private static string EncryptedLocal(int index) => "cardEncrypted" + index.ToString(CultureInfo.InvariantCulture);
}
