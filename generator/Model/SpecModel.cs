namespace Flutterwave.Codegen.Model;

// The model that flows from the reading stage to the emitting stage. Every type here is a sealed record of
// strings, numbers, booleans and EquatableArray: never an ISymbol, SyntaxNode, Location or Compilation, so the
// incremental pipeline can compare two models by value and skip emitting when nothing changed.

/// <summary>Everything generated from one spec file.</summary>
internal sealed record SpecModel(
    string SpecPath,
    string Namespace,
    string ClientName,
    string Title,
    string Version,
    string? DefaultServerUrl,
    EquatableArray<TypeModel> Types,
    EquatableArray<ClientGroupModel> Groups,
    EquatableArray<OperationModel> RootOperations,
    EquatableArray<SecuritySchemeModel> SecuritySchemes);

/// <summary>Documentation taken from the spec (description, summary, example, default, deprecation).</summary>
internal sealed record DocModel(string? Summary, string? Remarks, string? Example, string? Default, bool Deprecated)
{
    public static readonly DocModel None = new(null, null, null, null, false);
}

/// <summary>A type the generator emits.</summary>
internal abstract record TypeModel(string Name, DocModel Doc);

/// <summary>An object schema: a class with one property per schema property and a bag for unknown ones.</summary>
/// <param name="AdditionalPropertiesType">
/// The type of values under names the schema does not list; <see cref="TypeKind.Element"/> when the schema
/// gives none, so unknown properties are kept as raw JSON and written back.
/// </param>
/// <param name="EncryptedFields">Client-side encrypted members (see <see cref="EncryptedFieldModel"/>); empty for most objects.</param>
/// <param name="NonceRequired">The spec requires <c>nonce</c> (meaningful only when <see cref="EncryptedFields"/> is not empty).</param>
internal sealed record ObjectModel(
    string Name,
    DocModel Doc,
    EquatableArray<PropertyModel> Properties,
    TypeRef AdditionalPropertiesType,
    string AdditionalPropertiesName,
    EquatableArray<EncryptedFieldModel> EncryptedFields,
    bool NonceRequired = false)
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
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequiredMember,
    bool MustBePresent,
    bool IsNullable,
    DocModel Doc,
    ConstraintModel Constraints);

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

/// <summary>
/// A pair the spec marks as client-side encrypted: <c>encrypted_&lt;name&gt;</c> next to a <c>nonce</c> property.
/// </summary>
/// <param name="PlainName">The plaintext property the generated class adds (unique among its members).</param>
/// <param name="Required">The spec requires the encrypted member in requests (required, not read-only): a request must carry one form or the other.</param>
internal sealed record EncryptedFieldModel(string PlainName, string EncryptedJsonName, string EncryptedPropertyName, bool Required);

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

/// <summary>A client class for one tag.</summary>
internal sealed record ClientGroupModel(string PropertyName, string ClassName, DocModel Doc, EquatableArray<OperationModel> Operations);

/// <summary>One operation: a method on a client.</summary>
internal sealed record OperationModel(
    string MethodName,
    string OperationId,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<PathSegmentModel> PathSegments,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Response,
    DocModel Doc,
    string? IdempotencyKeyHeader,
    string? TraceIdHeader,
    string? ScenarioKeyHeader,
    bool NoAuthentication = false);

/// <summary>A piece of a path: literal text, or the parameter whose value goes there.</summary>
internal sealed record PathSegmentModel(string? Literal, string? ParameterName);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A method parameter bound to a path, query or header parameter.</summary>
internal sealed record ParameterModel(
    string Name,
    string ApiName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Explode,
    DocModel Doc,
    ConstraintModel Constraints);

internal enum BodyKind
{
    Json,
    Text,
    Binary,
}

/// <summary>The request body parameter.</summary>
internal sealed record BodyModel(string ParameterName, TypeRef Type, BodyKind Kind, string ContentType, bool Required, DocModel Doc);

internal enum ResultKind
{
    /// <summary>No body, or one the operation does not describe: the method returns <c>Task</c>.</summary>
    None,
    Json,

    /// <summary>The <c>data</c> of a <c>{ status, message, data }</c> envelope.</summary>
    EnvelopeData,

    /// <summary>A list envelope: <c>data</c> array plus <c>meta.page_info</c>, returned as a page.</summary>
    EnvelopePage,
    Text,
    Binary,
}

/// <summary>What the method returns. For <see cref="ResultKind.EnvelopePage"/>, <see cref="Type"/> is the item type.</summary>
internal sealed record ResponseModel(ResultKind Kind, TypeRef? Type, string? Description)
{
    public static readonly ResponseModel None = new(ResultKind.None, null, null);
}

internal enum SecuritySchemeKind
{
    OAuth2ClientCredentials,
    ApiKeyHeader,
    ApiKeyQuery,
    HttpBearer,
    HttpBasic,
    Other,
}

/// <summary>A security scheme the spec declares (the runtime issue wires these to authentication).</summary>
internal sealed record SecuritySchemeModel(string Key, SecuritySchemeKind Kind, string? ParameterName, string? TokenUrl);
