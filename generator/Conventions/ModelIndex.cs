using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// What structure-matching conventions look things up in: the spec's objects and enums by C# name, a property by
/// JSON name, and a string-or-enum value. Matching is by structure and JSON names, never by C# names alone.
/// </summary>
internal sealed class ModelIndex
{
    private readonly Dictionary<string, ObjectModel> _objects = new();
    private readonly Dictionary<string, EnumModel> _enums = new();

    public ModelIndex(IEnumerable<TypeModel> types)
    {
        foreach (var type in types)
        {
            switch (type)
            {
                case ObjectModel o:
                    _objects[o.Name] = o;
                    break;
                case EnumModel e:
                    _enums[e.Name] = e;
                    break;
            }
        }
    }

    /// <summary>Every object type, in model order.</summary>
    public IEnumerable<ObjectModel> Objects => _objects.Values;

    /// <summary>The property with this JSON name, or <see langword="null"/>.</summary>
    public static PropertyModel? Property(ObjectModel? model, string jsonName) =>
        model?.Properties.FirstOrDefault(p => p.JsonName == jsonName);

    /// <summary>The generated object a type reference names, or <see langword="null"/>.</summary>
    public ObjectModel? Object(TypeRef? type) =>
        type is { Kind: TypeKind.Model, Name: { } name } && _objects.TryGetValue(name, out var model) ? model : null;

    /// <summary>
    /// <paramref name="value"/> in a property's type: a string for a string property, the enum member with that value
    /// for an enum property, or <see langword="null"/> when the property cannot hold it.
    /// </summary>
    public ValueRefModel? Value(PropertyModel? property, string value)
    {
        switch (property?.Type)
        {
            case { Kind: TypeKind.String }:
                return new ValueRefModel(value, null, null);
            case { Kind: TypeKind.Enum, Name: { } enumName } when _enums.TryGetValue(enumName, out var model)
                && model.Members.FirstOrDefault(m => m.Value == value) is { } member:
                return new ValueRefModel(value, enumName, member.Name);
            default:
                return null;
        }
    }
}
