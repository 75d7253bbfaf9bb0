using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>C# for the small expression records of the model: string-or-enum values and object initializers.</summary>
internal static class Expressions
{
    /// <summary>A string literal, or the enum member (<c>global::Ns.Type.Member</c>).</summary>
    public static string Value(ValueRefModel value, CSharpTypes types) => value.EnumType is null
        ? Literals.String(value.Value)
        : types.TypeName(new TypeRef(TypeKind.Enum, value.EnumType)) + "." + value.EnumMember;

    /// <summary><c>target.Member == value</c>: ordinal for a string, the enum's equality (lifted when nullable) otherwise.</summary>
    public static string Equals(string member, ValueRefModel value, CSharpTypes types) => value.EnumType is null
        ? $"string.Equals({member}, {Value(value, types)}, global::System.StringComparison.Ordinal)"
        : $"{member} == {Value(value, types)}";

    /// <summary><c>new global::Ns.T { A = ..., B = new ... }</c>.</summary>
    public static string New(ObjectInitModel init, CSharpTypes types)
    {
        var members = init.Members.Select(m => m.Member + " = " + (
            m.Object is { } nested ? New(nested, types)
            : m.Value is { } value ? Value(value, types)
            : m.Parameter!));
        return $"new {types.TypeName(new TypeRef(TypeKind.Model, init.TypeName))} {{ {string.Join(", ", members)} }}";
    }
}
