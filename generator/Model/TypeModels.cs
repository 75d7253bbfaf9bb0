namespace Flutterwave.Codegen.Model;

// Types the generator emits and the references between them (see SpecModel.cs for what the model may hold).

/// <summary>A type the generator emits.</summary>
internal abstract record TypeModel(string Name, DocModel Doc);

/// <summary>An object schema: a class with one property per schema property and a bag for unknown ones.</summary>
/// <param name="AdditionalPropertiesType">
/// The type of values under names the schema does not list; <see cref="TypeKind.Element"/> when the schema
/// gives none, so unknown properties are kept as raw JSON and written back.
/// </param>
/// <param name="Encryption">Client-side encrypted members; set by the Conventions stage, <see langword="null"/> for most objects.</param>
internal sealed record ObjectModel(
    string Name,
    DocModel Doc,
    EquatableArray<PropertyModel> Properties,
    TypeRef AdditionalPropertiesType,
    string AdditionalPropertiesName,
    EncryptionModel? Encryption = null)
    : TypeModel(Name, Doc);

/// <summary>A string enum: an extensible struct that accepts values the spec does not list.</summary>
internal sealed record EnumModel(string Name, DocModel Doc, EquatableArray<EnumMemberModel> Members) : TypeModel(Name, Doc);

internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>A <c>oneOf</c>/<c>anyOf</c>: a class holding whichever variant the JSON matched.</summary>
/// <param name="DiscriminatorProperty">The discriminator's property, when the spec declares one.</param>
internal sealed record UnionModel(
    string Name,
    DocModel Doc,
    EquatableArray<UnionVariantModel> Variants,
    string? DiscriminatorProperty)
    : TypeModel(Name, Doc);

/// <summary>One variant of a union and what identifies it in JSON.</summary>
/// <param name="JsonKinds">Bit set of <see cref="JsonKinds"/> the variant accepts.</param>
/// <param name="DiscriminatorValues">Discriminator values that select this variant.</param>
/// <param name="RequiredProperties">Properties an object must have to be this variant.</param>
/// <param name="KnownProperties">All the variant's property names, to rank candidates.</param>
/// <param name="ConstantProperties">Properties whose value must be one of a fixed set, as <c>name=v1|v2</c>.</param>
internal sealed record UnionVariantModel(
    string MemberName,
    TypeRef Type,
    int JsonKinds,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> RequiredProperties,
    EquatableArray<string> KnownProperties,
    EquatableArray<string> ConstantProperties);

/// <summary>JSON value kinds a union variant accepts (bit flags, mirrored in the runtime's JsonUnionKinds).</summary>
internal static class JsonKinds
{
    public const int Object = 1;
    public const int Array = 2;
    public const int String = 4;
    public const int Number = 8;
    public const int Boolean = 16;
    public const int Integer = 32;
    public const int Any = Object | Array | String | Number | Boolean;
}

/// <summary>A property of an object schema.</summary>
/// <param name="IsRequiredMember">Emitted with C#'s <c>required</c>: required in the spec and not read-only.</param>
/// <param name="MustBePresent">Reading fails when the JSON lacks it: required in the spec and not write-only.</param>
/// <param name="IsNullable">The spec allows JSON <c>null</c>.</param>
/// <param name="CardData">Whether the member holds card data; set by the Conventions stage.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequiredMember,
    bool MustBePresent,
    bool IsNullable,
    DocModel Doc,
    ConstraintModel Constraints,
    CardDataKind CardData = CardDataKind.None)
{
    /// <summary>
    /// Whether the C# member is nullable: every member a caller may leave unset, and required members the spec lets
    /// be JSON null (a <c>JsonElement</c> holds null itself).
    /// </summary>
    public bool IsNullableMember => !IsRequiredMember || (IsNullable && Type.Kind != TypeKind.Element);
}

/// <summary>Constraints the spec states on a value (carried for docs now, for attributes and analyzers later).</summary>
internal sealed record ConstraintModel(
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    string? Minimum,
    string? Maximum,
    bool ExclusiveMinimum,
    bool ExclusiveMaximum,
    string? Format)
{
    public static readonly ConstraintModel None = new(null, null, null, null, null, false, false, null);
}

/// <summary>What a type reference is.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Decimal,
    Double,
    Single,
    Boolean,
    DateTimeOffset,
    DateOnly,
    Guid,
    Uri,
    Bytes,

    /// <summary>Any JSON value (no type, or a construct that cannot be typed): <c>JsonElement</c>.</summary>
    Element,

    /// <summary>A free-form object: <c>JsonObject</c>.</summary>
    FreeFormObject,

    /// <summary>A generated class (object or union).</summary>
    Model,

    /// <summary>A generated extensible enum (a struct).</summary>
    Enum,
    List,
    Map,
}

/// <summary>A reference to a type: a primitive, a generated type by name, or a list/map of another.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, bool ItemNullable = false)
{
    public static readonly TypeRef Element = new(TypeKind.Element);
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef FreeFormObject = new(TypeKind.FreeFormObject);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Double
        or TypeKind.Single or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Guid
        or TypeKind.Element or TypeKind.Enum;
}
