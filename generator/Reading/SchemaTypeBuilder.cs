using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flutterwave.Codegen.Diagnostics;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;
using Microsoft.OpenApi;

namespace Flutterwave.Codegen.Reading;

/// <summary>
/// Where a schema becomes a type: maps each schema to a <see cref="TypeRef"/>, and emits a
/// <see cref="TypeModel"/> for every component and inline schema that needs a type of its own.
/// </summary>
/// <remarks>
/// Every decision goes through <see cref="ShapeOf"/>, so a component's kind is known before its members are
/// built: that is what lets recursive schemas refer to themselves.
/// </remarks>
internal sealed class SchemaTypeBuilder
{
    // Microsoft.OpenApi stands a sentinel string in for a JSON null inside `enum`.
    private const string NullSentinelPrefix = "openapi-json-null-sentinel-value";

    private static readonly string[] ObjectMemberNames = ReservedNames.ObjectMembers;
    private static readonly string[] EnumMemberNames = { "ToString", "Equals", "GetHashCode", "GetType", "ReadJson", "WriteJson", "MemberwiseClone", "Finalize" };

    /// <summary>Stands in for a missing (null) schema: any JSON value.</summary>
    private static readonly IOpenApiSchema AnySchema = new OpenApiSchema();

    private readonly IDictionary<string, IOpenApiSchema> _components;
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shape> _shapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shaping = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly NameScope _typeNames;
    private readonly DiagnosticSink _diagnostics;

    public SchemaTypeBuilder(OpenApiDocument document, NameScope typeNames, DiagnosticSink diagnostics)
    {
        _components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        _typeNames = typeNames;
        _diagnostics = diagnostics;

        // Components claim their names first, so an inline schema never takes a name a component wants.
        foreach (var key in _components.Keys)
        {
            _componentNames[key] = _typeNames.Claim(Identifier.ToPascal(key));
        }
    }

    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>Builds every component schema, in document order.</summary>
    public void BuildComponents()
    {
        foreach (var key in _components.Keys)
        {
            ResolveComponent(key, "#/components/schemas/" + SpecDocumentReader.Escape(key));
        }
    }

    /// <summary>Whether the schema allows JSON null (3.1 <c>type: [.., 'null']</c>, 3.0 <c>nullable</c>, a null variant).</summary>
    public static bool IsNullable(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return false;
        }

        if (schema.Type is { } type && (type & JsonSchemaType.Null) != 0)
        {
            return true;
        }

        if (schema.Enum is { Count: > 0 } values && values.Any(IsNullValue))
        {
            return true;
        }

        return AnyNullVariant(schema.OneOf) || AnyNullVariant(schema.AnyOf);
    }

    /// <summary>Maps a schema to a type, creating named types for it (and for what it contains) as needed.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="nameHint">The name an inline type gets: parent and property, e.g. <c>CustomerName</c>.</param>
    /// <param name="pointer">Where the schema is, for diagnostics.</param>
    public TypeRef Resolve(IOpenApiSchema? schema, string nameHint, string pointer)
    {
        if (schema is null)
        {
            return TypeRef.Element;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            if (reference.UnresolvedReference || reference.Target is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? id ?? "?", nameHint);
                return TypeRef.Element;
            }

            if (id is not null && _components.ContainsKey(id))
            {
                return ResolveComponent(id, pointer);
            }

            // A reference to something other than a component (a path inside the document): type it in place.
            return Build(reference.Target, nameHint, pointer);
        }

        return Build(schema, nameHint, pointer);
    }

    private TypeRef ResolveComponent(string id, string pointer)
    {
        if (_componentTypes.TryGetValue(id, out var known))
        {
            return known;
        }

        var name = _componentNames[id];
        var componentPointer = "#/components/schemas/" + SpecDocumentReader.Escape(id);
        var schema = _components[id];
        if (_building.Contains(id))
        {
            // A schema that refers to itself: fine for generated classes, impossible for aliases of lists or maps.
            var shape = ShapeOf(schema);
            if (shape is Shape.Object or Shape.Union)
            {
                return new TypeRef(TypeKind.Model, name);
            }

            if (shape == Shape.Enum)
            {
                return new TypeRef(TypeKind.Enum, name);
            }

            _diagnostics.Report(DiagnosticDescriptors.UntypableSchema, pointer, id, "it contains itself without an object in between");
            return TypeRef.Element;
        }

        _building.Add(id);
        try
        {
            var result = Build(schema, name, componentPointer, isComponent: true);
            _componentTypes[id] = result;
            return result;
        }
        finally
        {
            _building.Remove(id);
        }
    }

    private enum Shape
    {
        Element,
        Object,
        Union,
        Enum,
        Alias,
        List,
        Map,
        FreeFormObject,
        Primitive,
        Untypable,
    }

    private Shape ShapeOf(IOpenApiSchema? schema)
    {
        // A null schema is what a damaged document gives for `items:` or `- ` with nothing after it: any JSON.
        if (schema is null)
        {
            return Shape.Element;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            if (reference.Target is null || reference.UnresolvedReference)
            {
                return Shape.Element;
            }

            if (id is null || !_components.ContainsKey(id))
            {
                return ShapeOf(reference.Target);
            }

            if (_shapes.TryGetValue(id, out var cached))
            {
                return cached;
            }

            if (!_shaping.Add(id))
            {
                return Shape.Untypable;
            }

            try
            {
                var shape = ShapeOf(_components[id]);
                _shapes[id] = shape;
                return shape;
            }
            finally
            {
                _shaping.Remove(id);
            }
        }

        var variants = NonNullVariants(schema);
        if (variants.Count > 1)
        {
            return Shape.Union;
        }

        if (variants.Count == 1 && !HasOwnProperties(schema))
        {
            return Shape.Alias;
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            if (allOf.Count == 1 && !HasOwnProperties(schema) && !(schema.Enum is { Count: > 0 }))
            {
                return Shape.Alias;
            }

            return allOf.All(IsObjectLike) ? Shape.Object : Shape.Untypable;
        }

        if (IsStringEnum(schema))
        {
            return Shape.Enum;
        }

        var type = NonNullType(schema);
        if (type == JsonSchemaType.Array || (type is null && schema.Items is not null))
        {
            return Shape.List;
        }

        if (HasOwnProperties(schema) || schema.Discriminator is not null)
        {
            return Shape.Object;
        }

        if (type == JsonSchemaType.Object || (type is null && schema.AdditionalProperties is not null))
        {
            return schema.AdditionalProperties is { } additional && !IsAnySchema(additional) ? Shape.Map : Shape.FreeFormObject;
        }

        if (type is null)
        {
            return Shape.Element;
        }

        return IsSingleType(type.Value) ? Shape.Primitive : Shape.Untypable;
    }

    private bool IsObjectLike(IOpenApiSchema? member) => ShapeOf(member) switch
    {
        Shape.Object or Shape.FreeFormObject or Shape.Element or Shape.Map => true,
        Shape.Alias => member is OpenApiSchemaReference r && r.Target is { } t ? IsObjectLike(SingleMember(t)) : IsObjectLike(SingleMember(member!)),
        _ => false,
    };

    private static IOpenApiSchema SingleMember(IOpenApiSchema schema) =>
        NonNullVariants(schema) is { Count: 1 } single ? single[0] : schema.AllOf is { Count: 1 } allOf && allOf[0] is { } only ? only : schema;

    private TypeRef Build(IOpenApiSchema schema, string name, string pointer, bool isComponent = false)
    {
        switch (ShapeOf(schema))
        {
            case Shape.Alias:
                {
                    var target = SingleMember(schema);
                    var memberPointer = pointer + (schema.AllOf is { Count: 1 } ? "/allOf/0" : "/oneOf/0");
                    return Resolve(target, name, memberPointer);
                }

            case Shape.Union:
                return BuildUnion(schema, isComponent ? name : _typeNames.Claim(name), pointer);

            case Shape.Object:
                return BuildObject(schema, isComponent ? name : _typeNames.Claim(name), pointer);

            case Shape.Enum:
                // An inline enum of one value is a constant (`issue: { enum: [INVALID_PARAMETER] }`): a struct per
                // such member would bury the useful types (PayPal's error schemas have hundreds). It stays a string,
                // and the value stays in the docs and in union matching.
                if (!isComponent && EnumValues(schema).Distinct().Count() == 1)
                {
                    return TypeRef.String;
                }

                return BuildEnum(schema, isComponent ? name : _typeNames.Claim(name));

            case Shape.List:
                {
                    var items = schema.Items;
                    var item = Resolve(items, name + "Item", pointer + "/items");
                    return new TypeRef(TypeKind.List, Item: item, ItemNullable: IsNullable(items));
                }

            case Shape.Map:
                {
                    var values = schema.AdditionalProperties!;
                    var value = Resolve(values, name + "Value", pointer + "/additionalProperties");
                    return new TypeRef(TypeKind.Map, Item: value, ItemNullable: IsNullable(values));
                }

            case Shape.FreeFormObject:
                // A named empty object (`Opay: { type: object }`) still gets its type; an inline one is a JsonObject.
                return isComponent ? BuildObject(schema, name, pointer) : TypeRef.FreeFormObject;

            case Shape.Primitive:
                return MapPrimitive(schema, pointer);

            case Shape.Untypable:
                _diagnostics.Report(DiagnosticDescriptors.UntypableSchema, pointer, name, DescribeUntypable(schema));
                return TypeRef.Element;

            default:
                return TypeRef.Element;
        }
    }

    private string DescribeUntypable(IOpenApiSchema schema)
    {
        if (schema.AllOf is { Count: > 0 })
        {
            return "allOf combines schemas that are not all objects";
        }

        if (schema.Type is { } type && !IsSingleType(type & ~JsonSchemaType.Null))
        {
            return $"it allows several JSON types ({type & ~JsonSchemaType.Null})";
        }

        return "it refers to itself through aliases only";
    }

    private TypeRef MapPrimitive(IOpenApiSchema schema, string pointer)
    {
        var format = schema.Format?.ToLowerInvariant();
        switch (NonNullType(schema))
        {
            case JsonSchemaType.String:
                if (schema is OpenApiSchema { ContentEncoding: "base64" })
                {
                    return new TypeRef(TypeKind.Bytes);
                }

                return format switch
                {
                    "date-time" => new TypeRef(TypeKind.DateTimeOffset),
                    "date" => new TypeRef(TypeKind.DateOnly),
                    "uuid" => new TypeRef(TypeKind.Guid),
                    "uri" or "url" or "uri-reference" or "iri" => new TypeRef(TypeKind.Uri),
                    "byte" or "binary" or "base64" => new TypeRef(TypeKind.Bytes),
                    _ => TypeRef.String,
                };

            case JsonSchemaType.Integer:
                return format == "int32" ? new TypeRef(TypeKind.Int32) : new TypeRef(TypeKind.Int64);

            case JsonSchemaType.Number:
                return format switch
                {
                    "float" => new TypeRef(TypeKind.Single),
                    "double" => new TypeRef(TypeKind.Double),
                    "int32" => new TypeRef(TypeKind.Int32),
                    "int64" => new TypeRef(TypeKind.Int64),
                    _ => new TypeRef(TypeKind.Decimal),
                };

            case JsonSchemaType.Boolean:
                return new TypeRef(TypeKind.Boolean);

            default:
                return TypeRef.Element;
        }
    }

    private TypeRef BuildEnum(IOpenApiSchema schema, string name)
    {
        var members = new List<EnumMemberModel>();
        var memberNames = new NameScope(ignoreCase: false, EnumMemberNames.Concat(new[] { name }));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in EnumValues(schema))
        {
            if (seen.Add(value))
            {
                members.Add(new EnumMemberModel(memberNames.Claim(Identifier.ToPascal(value)), value));
            }
        }

        _types.Add(new EnumModel(name, Docs(schema), members.ToEquatableArray()));
        return new TypeRef(TypeKind.Enum, name);
    }

    private TypeRef BuildObject(IOpenApiSchema schema, string name, string pointer)
    {
        // Register the name before the members, so members that refer back to this type find it.
        var properties = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;
        CollectObjectMembers(schema, pointer, properties, required, ref additional, new HashSet<IOpenApiSchema>());

        var memberNames = new NameScope(ignoreCase: false, ObjectMemberNames.Concat(new[] { name }));
        var models = new List<PropertyModel>();
        foreach (var (jsonName, propertySchema, propertyPointer) in properties)
        {
            var propertyName = memberNames.Claim(Identifier.ToPascal(jsonName));
            var type = Resolve(propertySchema, name + Identifier.ToPascal(jsonName), propertyPointer);
            var isRequired = required.Contains(jsonName);
            models.Add(new PropertyModel(
                jsonName,
                propertyName,
                type,
                IsRequiredMember: isRequired && !propertySchema.ReadOnly,
                MustBePresent: isRequired && !propertySchema.WriteOnly,
                IsNullable: IsNullable(propertySchema) || type.Kind == TypeKind.Element,
                Docs(propertySchema),
                Constraints(propertySchema)));
        }

        var additionalType = additional is not null && !IsAnySchema(additional)
            ? Resolve(additional, name + "AdditionalProperty", pointer + "/additionalProperties")
            : TypeRef.Element;

        var model = new ObjectModel(
            name,
            Docs(schema),
            models.ToEquatableArray(),
            additionalType,
            memberNames.Claim("AdditionalProperties"));
        _types.Add(model);
        return new TypeRef(TypeKind.Model, name);
    }

    /// <summary>Flattens <c>allOf</c>: properties from every member (bases first), required sets merged.</summary>
    private void CollectObjectMembers(
        IOpenApiSchema? schema,
        string pointer,
        List<(string JsonName, IOpenApiSchema Schema, string Pointer)> properties,
        HashSet<string> required,
        ref IOpenApiSchema? additional,
        HashSet<IOpenApiSchema> visited)
    {
        if (schema is null)
        {
            return;
        }

        var target = schema is OpenApiSchemaReference { Target: { } t } ? t : schema;
        if (!visited.Add(target))
        {
            return;
        }

        if (schema.AllOf is { } allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                var member = allOf[i];
                var memberPointer = member is OpenApiSchemaReference { Reference.Id: { } id } && _components.ContainsKey(id)
                    ? "#/components/schemas/" + SpecDocumentReader.Escape(id)
                    : pointer + "/allOf/" + i;
                if (member is OpenApiSchemaReference { UnresolvedReference: true } unresolved)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/allOf/" + i, unresolved.Reference?.ReferenceV3 ?? "?", "its properties");
                    continue;
                }

                CollectObjectMembers(member, memberPointer, properties, required, ref additional, visited);
            }
        }

        if (schema.Properties is { } own)
        {
            foreach (var entry in own)
            {
                var existing = properties.FindIndex(p => p.JsonName == entry.Key);
                var item = (entry.Key, entry.Value ?? AnySchema, pointer + "/properties/" + SpecDocumentReader.Escape(entry.Key));
                if (existing >= 0)
                {
                    // The more specific schema (a derived one, listed later) wins, at the base's position.
                    properties[existing] = item;
                }
                else
                {
                    properties.Add(item);
                }
            }
        }

        if (schema.Required is { } names)
        {
            foreach (var requiredName in names)
            {
                if (requiredName is not null)
                {
                    required.Add(requiredName);
                }
            }
        }

        if (schema.AdditionalProperties is { } extra)
        {
            additional = extra;
        }
    }

    private TypeRef BuildUnion(IOpenApiSchema schema, string name, string pointer)
    {
        var variants = NonNullVariants(schema);
        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var discriminator = schema.Discriminator;
        var mapping = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (discriminator?.Mapping is { } map)
        {
            foreach (var entry in map)
            {
                var targetId = entry.Value?.Reference?.Id ?? string.Empty;
                if (!mapping.TryGetValue(targetId, out var list))
                {
                    mapping[targetId] = list = new List<string>();
                }

                list.Add(entry.Key);
            }
        }

        var memberNames = new NameScope(ignoreCase: false, ObjectMemberNames.Concat(new[] { name, "Value", "Unrecognized" }));
        var models = new List<UnionVariantModel>();
        var seenTypes = new HashSet<TypeRef>();
        var sourceList = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf!;
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            var index = sourceList.IndexOf(variant);
            var variantPointer = pointer + "/" + keyword + "/" + (index < 0 ? i : index);
            var type = Resolve(variant, name + "Variant" + (i + 1), variantPointer);
            if (type.Kind == TypeKind.Model && type.Name == name)
            {
                // `A: { oneOf: [A, B] }`: a union cannot hold itself as a variant.
                _diagnostics.Report(DiagnosticDescriptors.UntypableSchema, variantPointer, name, "a variant refers to the union itself; that variant is left out");
                continue;
            }

            if (!seenTypes.Add(type))
            {
                continue;
            }

            var componentId = variant is OpenApiSchemaReference { Reference.Id: { } id } ? id : null;
            var discriminatorValues = new List<string>();
            if (discriminator is not null && componentId is not null)
            {
                if (mapping.TryGetValue(componentId, out var mapped))
                {
                    discriminatorValues.AddRange(mapped);
                }
                else if (discriminator.Mapping is null || discriminator.Mapping.Count == 0)
                {
                    discriminatorValues.Add(componentId);
                }
            }

            var (required, known, constants) = DescribeObjectVariant(variant);
            models.Add(new UnionVariantModel(
                memberNames.Claim(VariantMemberName(type, componentId)),
                type,
                JsonKindsOf(type),
                discriminatorValues.ToEquatableArray(),
                required.ToEquatableArray(),
                known.ToEquatableArray(),
                constants.ToEquatableArray()));
        }

        _types.Add(new UnionModel(name, Docs(schema), models.ToEquatableArray(), discriminator?.PropertyName));
        return new TypeRef(TypeKind.Model, name);
    }

    private (List<string> Required, List<string> Known, List<string> Constants) DescribeObjectVariant(IOpenApiSchema variant)
    {
        var required = new List<string>();
        var known = new List<string>();
        var constants = new List<string>();
        if (ShapeOf(variant) != Shape.Object)
        {
            return (required, known, constants);
        }

        var properties = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
        var requiredSet = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;
        CollectObjectMembers(variant, string.Empty, properties, requiredSet, ref additional, new HashSet<IOpenApiSchema>());
        foreach (var (jsonName, propertySchema, _) in properties)
        {
            known.Add(jsonName);
            if (requiredSet.Contains(jsonName) && !propertySchema.WriteOnly)
            {
                required.Add(jsonName);
            }

            var values = EnumValues(propertySchema).ToList();
            if (values.Count > 0 && !IsNullable(propertySchema))
            {
                constants.Add(jsonName + "=" + string.Join("|", values));
            }
        }

        return (required, known, constants);
    }

    private static string VariantMemberName(TypeRef type, string? componentId) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name!,
        TypeKind.List => VariantMemberName(type.Item!, null) + "List",
        TypeKind.Map => VariantMemberName(type.Item!, null) + "Map",
        TypeKind.FreeFormObject => "Object",
        TypeKind.Element => componentId is null ? "Json" : Identifier.ToPascal(componentId),
        _ => type.Kind.ToString(),
    };

    private static int JsonKindsOf(TypeRef type) => type.Kind switch
    {
        TypeKind.Model => JsonKinds.Object,
        TypeKind.FreeFormObject or TypeKind.Map => JsonKinds.Object,
        TypeKind.List => JsonKinds.Array,
        TypeKind.Int32 or TypeKind.Int64 => JsonKinds.Integer,
        TypeKind.Decimal or TypeKind.Double or TypeKind.Single => JsonKinds.Number,
        TypeKind.Boolean => JsonKinds.Boolean,
        TypeKind.Element => JsonKinds.Any,
        _ => JsonKinds.String,
    };

    private static List<IOpenApiSchema> NonNullVariants(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return new List<IOpenApiSchema>();
        }

        var source = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        var result = new List<IOpenApiSchema>();
        if (source is null)
        {
            return result;
        }

        foreach (var variant in source)
        {
            if (variant is not null && !IsNullOnly(variant))
            {
                result.Add(variant);
            }
        }

        return result;
    }

    private static bool AnyNullVariant(IList<IOpenApiSchema>? variants) => variants is not null && variants.Any(v => v is not null && IsNullOnly(v));

    private static bool IsNullOnly(IOpenApiSchema schema) =>
        schema.Type == JsonSchemaType.Null || (schema.Enum is { Count: 1 } only && IsNullValue(only[0]));

    private static bool HasOwnProperties(IOpenApiSchema schema) => schema.Properties is { Count: > 0 };

    private static bool IsAnySchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type is null && schema.Properties is not { Count: > 0 }
        && schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }
        && schema.Items is null && schema.Enum is not { Count: > 0 } && schema.AdditionalProperties is null;

    private static JsonSchemaType? NonNullType(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return null;
        }

        var withoutNull = type & ~JsonSchemaType.Null;
        return withoutNull == 0 ? null : withoutNull;
    }

    private static bool IsSingleType(JsonSchemaType type) => type != 0 && (type & (type - 1)) == 0;

    private static bool IsStringEnum(IOpenApiSchema schema)
    {
        var type = NonNullType(schema);
        if (type is not null && type != JsonSchemaType.String)
        {
            return false;
        }

        if (schema.Const is not null)
        {
            return true;
        }

        return schema.Enum is { Count: > 0 } values && values.Any(v => !IsNullValue(v)) && values.All(v => IsNullValue(v) || v is JsonValue value && value.GetValueKind() == JsonValueKind.String);
    }

    private static IEnumerable<string> EnumValues(IOpenApiSchema schema)
    {
        if (schema.Const is { } constant && (NonNullType(schema) is null or JsonSchemaType.String))
        {
            yield return constant;
            yield break;
        }

        if (!IsStringEnum(schema) || schema.Enum is null)
        {
            yield break;
        }

        foreach (var value in schema.Enum)
        {
            if (!IsNullValue(value))
            {
                yield return value!.GetValue<string>();
            }
        }
    }

    private static bool IsNullValue(JsonNode? node) =>
        node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().StartsWith(NullSentinelPrefix, StringComparison.Ordinal));

    public static DocModel Docs(IOpenApiSchema schema)
    {
        var description = Clean(schema.Description) ?? Clean(schema.Title);
        var example = schema.Examples is { Count: > 0 } many && many[0] is { } first ? first.ToJsonString() : LegacyExample(schema);
        var defaultValue = schema.Default?.ToJsonString();
        if (defaultValue is not null && defaultValue.Contains(NullSentinelPrefix))
        {
            defaultValue = "null";
        }

        string? remarks = null;
        if (IsStringEnum(schema) && EnumValues(schema).Distinct().ToList() is { Count: 1 } only)
        {
            remarks = $"The spec allows only `{only[0]}`.";
        }

        return new DocModel(description, remarks, example, defaultValue, schema.Deprecated);
    }

    // OpenAPI 3.0's single `example` is still how most specs give one.
#pragma warning disable CS0618
    private static string? LegacyExample(IOpenApiSchema schema) => schema.Example?.ToJsonString();
#pragma warning restore CS0618

    public static ConstraintModel Constraints(IOpenApiSchema schema)
    {
        var minimum = schema.Minimum;
        var maximum = schema.Maximum;
        var exclusiveMinimum = false;
        var exclusiveMaximum = false;
        if (schema.ExclusiveMinimum is { } exMin)
        {
            minimum = exMin;
            exclusiveMinimum = true;
        }

        if (schema.ExclusiveMaximum is { } exMax)
        {
            maximum = exMax;
            exclusiveMaximum = true;
        }

        if (schema.MinLength is null && schema.MaxLength is null && schema.Pattern is null && minimum is null && maximum is null && schema.Format is null)
        {
            return ConstraintModel.None;
        }

        return new ConstraintModel(schema.MinLength, schema.MaxLength, schema.Pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum, schema.Format);
    }

    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
