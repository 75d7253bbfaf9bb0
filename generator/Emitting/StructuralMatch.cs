using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// What the structure-matched helpers (next_action, decline checks) share: the spec's objects and enums by name, a
/// property by JSON name, and the C# expression for a string-or-enum value.
/// </summary>
internal sealed class StructuralMatch
{
    private StructuralMatch(Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
    {
        Objects = objects;
        Enums = enums;
    }

    /// <summary>Object types by C# name.</summary>
    public Dictionary<string, ObjectModel> Objects { get; }

    /// <summary>Enum types by C# name.</summary>
    public Dictionary<string, EnumModel> Enums { get; }

    public static StructuralMatch Index(SpecModel spec)
    {
        var objects = new Dictionary<string, ObjectModel>();
        var enums = new Dictionary<string, EnumModel>();
        foreach (var type in spec.Types)
        {
            switch (type)
            {
                case ObjectModel o:
                    objects[o.Name] = o;
                    break;
                case EnumModel e:
                    enums[e.Name] = e;
                    break;
            }
        }

        return new StructuralMatch(objects, enums);
    }

    /// <summary>The property with this JSON name, or <see langword="null"/>.</summary>
    public static PropertyModel? Property(ObjectModel model, string jsonName) =>
        model.Properties.FirstOrDefault(p => p.JsonName == jsonName);

    /// <summary>
    /// The C# expression for <paramref name="value"/> in a property's type: a string literal for a string property, the
    /// enum member with that value for an enum property, or <see langword="null"/> when the value cannot be expressed.
    /// </summary>
    public string? ValueExpression(PropertyModel? property, string value, CSharpTypes types)
    {
        switch (property?.Type)
        {
            case { Kind: TypeKind.String }:
                return Literals.String(value);
            case { Kind: TypeKind.Enum, Name: { } enumName } type when Enums.TryGetValue(enumName, out var model)
                && model.Members.FirstOrDefault(m => m.Value == value) is { } member:
                return types.TypeName(type) + "." + member.Name;
            default:
                return null;
        }
    }
}
