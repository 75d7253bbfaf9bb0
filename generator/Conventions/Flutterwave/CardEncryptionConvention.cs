using System;
using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Flutterwave's client-side card and PIN encryption: in an object with a string <c>nonce</c>, every string
/// <c>encrypted_&lt;name&gt;</c> member gets a plaintext twin (<c>CardNumber</c>, <c>Cvv</c>, <c>Pin</c>, ...) that the
/// client encrypts with AES-256-GCM when it writes the request. <c>nonce</c> and the encrypted members are relaxed:
/// not C#-<c>required</c> (a caller who sets the plaintext cannot set them) and not required when reading
/// (responses may leave card data out); the spec's requirement is kept in the record and checked when writing.
/// </summary>
internal static class CardEncryptionConvention
{
    private const string Prefix = "encrypted_";

    public static ObjectModel Apply(ObjectModel model)
    {
        var nonceIndex = IndexOf(model, p => p.JsonName == "nonce" && p.Type.Kind == TypeKind.String);
        if (nonceIndex < 0)
        {
            return model;
        }

        var properties = model.Properties.ToList();
        var memberNames = new NameScope(ignoreCase: false, ReservedNames.ObjectMembers
            .Concat(new[] { model.Name, model.AdditionalPropertiesName })
            .Concat(properties.Select(p => p.Name)));
        var fields = new List<EncryptedFieldModel>();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            if (p.JsonName.StartsWith(Prefix, StringComparison.Ordinal) && p.JsonName.Length > Prefix.Length && p.Type.Kind == TypeKind.String)
            {
                var plainName = memberNames.Claim(Identifier.ToPascal(p.JsonName.Substring(Prefix.Length)));
                fields.Add(new EncryptedFieldModel(plainName, p.JsonName, p.Name, Required: p.IsRequiredMember));
                properties[i] = p with { IsRequiredMember = false, MustBePresent = false };
            }
        }

        if (fields.Count == 0)
        {
            return model;
        }

        var nonce = properties[nonceIndex];
        properties[nonceIndex] = nonce with { IsRequiredMember = false, MustBePresent = false };
        return model with
        {
            Properties = properties.ToEquatableArray(),
            Encryption = new EncryptionModel(nonce.Name, nonce.JsonName, nonce.IsRequiredMember, fields.ToEquatableArray()),
        };
    }

    private static int IndexOf(ObjectModel model, Func<PropertyModel, bool> match)
    {
        for (var i = 0; i < model.Properties.Count; i++)
        {
            if (match(model.Properties[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
