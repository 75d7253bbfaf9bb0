using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// Model to text: prepares what each template needs (names, types, expressions, doc comments) and renders one file
/// per generated type. Templates hold the shape of the code; this class holds the C# details. It renders the
/// model's records, convention records included, and decides nothing (the Conventions stage did).
/// </summary>
internal sealed class SourceEmitter
{
    private readonly SpecModel _spec;
    private readonly SpecConventionsModel _conventions;
    private readonly CSharpTypes _types;
    private readonly ClientView _client;
    private readonly string _version;

    /// <param name="spec">A model the Conventions stage has run on.</param>
    public SourceEmitter(SpecModel spec)
    {
        _spec = spec;
        _conventions = spec.Conventions ?? throw new ArgumentException("The Conventions stage has not run on this model.", nameof(spec));
        _types = new CSharpTypes(spec.Namespace);
        _version = GeneratorVersion.Value;
        _client = new ClientView(spec, _types, _version);
    }

    /// <summary>Renders every file: hint name and source text.</summary>
    public IEnumerable<(string HintName, string Source)> Emit(CancellationToken cancellationToken)
    {
        var header = Templates.Render(Templates.Header, new { Version = _version, SpecFile = System.IO.Path.GetFileName(_spec.SpecPath) });
        foreach (var type in _spec.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var body = type switch
            {
                ObjectModel model => Templates.Render(Templates.Object, ObjectView(model)),
                EnumModel model => Templates.Render(Templates.Enum, EnumView(model)),
                UnionModel model => Templates.Render(Templates.Union, UnionView(model)),
                _ => throw new InvalidOperationException("Unknown type model " + type.GetType().Name),
            };
            yield return (HintName(type.Name), header + body);
        }

        foreach (var group in _spec.Groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (HintName(group.ClassName), header + Templates.Render(Templates.Client, _client.Create(group.ClassName, group.Doc, isRoot: false, group.Operations, Array.Empty<ClientGroupModel>())));
        }

        if (_conventions.NextActions is { } nextActions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (HintName(nextActions.ClassName), header + Templates.Render(Templates.NextActions, NextActionHelpersView.Create(_spec, nextActions, _types, _version)));
        }

        if (_conventions.DeclineChecksClass is { } declineClass)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (HintName(declineClass), header + Templates.Render(Templates.DeclineChecks, DeclineChecksView.Create(_spec, declineClass, _types, _version)));
        }

        var rootDoc = new DocModel($"The client for {_spec.Title}{(_spec.Version.Length > 0 ? " " + _spec.Version : string.Empty)}, generated from {System.IO.Path.GetFileName(_spec.SpecPath)}.", null, null, null, false);
        yield return (HintName(_spec.ClientName), header + Templates.Render(Templates.Client, _client.Create(_spec.ClientName, rootDoc, isRoot: true, _spec.RootOperations, _spec.Groups)));
        var extensions = _spec.ClientName + "ServiceCollectionExtensions";
        yield return (HintName(extensions), header + Templates.Render(Templates.ServiceCollection, new
        {
            _spec.Namespace,
            _spec.ClientName,
            ClassName = extensions,
            Version = _version,
            SectionLiteral = Literals.String(_spec.ConfigurationSection),
            _client.OptionsType,
            Capabilities = _conventions.Options == OptionsKind.Flutterwave ? "retries, timeouts, authentication and card encryption" : "retries, timeouts and authentication",
        }));
    }

    private string HintName(string typeName) => _spec.Namespace + "." + typeName + ".g.cs";

    private string FullName(string typeName) => "global::" + _spec.Namespace + "." + typeName;

    private object ObjectView(ObjectModel model)
    {
        var properties = new List<PropertyView>();
        var flags = new List<string>();
        var encryption = CardEncryptionView.Create(model);
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var view = new PropertyView
            {
                Name = property.Name,
                Utf8Name = Literals.Utf8(property.JsonName),
                JsonNameLiteral = Literals.String(property.JsonName),
                Doc = XmlDoc.Render(property.Doc, "        ", $"The <c>{XmlDoc.Escape(property.JsonName)}</c> member."),
                Attributes = Obsolete(property.Doc, "        ") + SpecAnnotations.Property(property, "        "),
            };

            var nullableType = property.IsNullableMember;
            view.Declaration = (property.IsRequiredMember ? "required " : string.Empty) + _types.TypeName(property.Type, nullableType) + " " + property.Name;
            if (nullableType)
            {
                view.ReadExpression = _types.ReadNullable(property.Type, "reader");
            }
            else
            {
                // A required, non-nullable member that arrives as null is an error, named as such.
                view.ReadExpression = property.Type.Kind == TypeKind.Element
                    ? _types.Read(property.Type, "reader")
                    : $"reader.TokenType == {CSharpTypes.TokenNull} ? throw global::Flutterwave.Runtime.Json.JsonCodec.NullNotAllowed(\"{model.Name}\", {view.JsonNameLiteral}) : {_types.Read(property.Type, "reader")}";
            }

            if (property.MustBePresent)
            {
                view.PresenceFlag = "seen" + i.ToString(CultureInfo.InvariantCulture);
                flags.Add(view.PresenceFlag);
            }

            // nonce and encrypted_* are written from the locals the encryption prologue fills, never from this object.
            view.WriteBlock = encryption?.LocalFor(property.Name) is { } local
                ? WriteBlock(property, i, nullableType: true, local)
                : WriteBlock(property, i, nullableType);
            properties.Add(view);
        }

        return new
        {
            _spec.Namespace,
            model.Name,
            FullName = FullName(model.Name),
            Version = _version,
            Doc = XmlDoc.Render(model.Doc, "    ", $"The <c>{XmlDoc.Escape(model.Name)}</c> schema."),
            Attributes = Obsolete(model.Doc, "    "),
            Properties = properties,
            HasProperties = properties.Count > 0,
            PresenceFlags = flags,
            PlainProperties = encryption?.PlainProperties() ?? new List<object>(),
            EncryptionPrologue = encryption?.Prologue(model.Name) ?? string.Empty,
            model.AdditionalPropertiesName,
            AdditionalType = _types.TypeName(model.AdditionalPropertiesType, nullable: model.AdditionalPropertiesType.Kind != TypeKind.Element),
            ReadAdditional = _types.ReadNullable(model.AdditionalPropertiesType, "reader"),
            WriteAdditional = WriteMaybeNull(model.AdditionalPropertiesType, "entry.Value"),
        };
    }

    private string WriteBlock(PropertyModel property, int index, bool nullableType, string? value = null)
    {
        const string indent = "            ";
        var name = value ?? "this." + property.Name;
        var builder = new StringBuilder();
        var writeName = $"writer.WritePropertyName({Literals.Utf8(property.JsonName)});";
        if (!nullableType)
        {
            builder.Append(indent).Append(writeName).Append('\n');
            builder.Append(indent).Append(_types.Write(property.Type, "writer", name));
            return builder.ToString();
        }

        var local = "v" + index.ToString(CultureInfo.InvariantCulture);
        var writeNullWhenNull = property.IsRequiredMember;
        builder.Append(indent).Append("if (").Append(name).Append(" is { } ").Append(local).Append(")\n");
        builder.Append(indent).Append("{\n");
        builder.Append(indent).Append("    ").Append(writeName).Append('\n');
        builder.Append(indent).Append("    ").Append(_types.Write(property.Type, "writer", local)).Append('\n');
        builder.Append(indent).Append('}');
        if (writeNullWhenNull)
        {
            // Required but nullable: the member must be there, as null.
            builder.Append('\n').Append(indent).Append("else\n");
            builder.Append(indent).Append("{\n");
            builder.Append(indent).Append("    ").Append(writeName).Append('\n');
            builder.Append(indent).Append("    writer.WriteNullValue();\n");
            builder.Append(indent).Append('}');
        }

        return builder.ToString();
    }

    private string WriteMaybeNull(TypeRef type, string value)
    {
        if (type.Kind == TypeKind.Element)
        {
            return _types.Write(type, "writer", value);
        }

        return $"if ({value} is {{ }} item) {{ {_types.Write(type, "writer", "item")} }} else {{ writer.WriteNullValue(); }}";
    }

    private object EnumView(EnumModel model) => new
    {
        _spec.Namespace,
        model.Name,
        FullName = FullName(model.Name),
        Version = _version,
        Doc = XmlDoc.Render(model.Doc, "    ", $"The <c>{XmlDoc.Escape(model.Name)}</c> values."),
        Attributes = Obsolete(model.Doc, "    ") + SpecAnnotations.Enum(model, "    "),
        Members = model.Members.Select(m => new { m.Name, ValueLiteral = Literals.String(m.Value), ValueXml = XmlDoc.Escape(m.Value) }).ToList(),
    };

    private object UnionView(UnionModel model)
    {
        var variants = new List<object>();
        for (var i = 0; i < model.Variants.Count; i++)
        {
            var variant = model.Variants[i];
            var typeName = _types.TypeName(variant.Type);
            var isInterface = variant.Type.Kind is TypeKind.List or TypeKind.Map;
            var valueType = variant.Type.IsValueType;
            var local = "v" + i.ToString(CultureInfo.InvariantCulture);
            variants.Add(new
            {
                variant.MemberName,
                TypeName = typeName,
                NullableTypeName = _types.TypeName(variant.Type, nullable: true),
                CrefType = Cref(variant.Type),
                PatternType = typeName,
                BoxExpression = valueType ? "(object)value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))",
                AccessExpression = valueType ? $"Value is {typeName} {local} ? {local} : default({typeName}?)" : $"Value as {typeName}",
                HasConversion = !isInterface && variant.Type.Kind != TypeKind.Element,
                BoxRead = (valueType ? "(object)" : string.Empty) + $"global::Flutterwave.Runtime.Json.JsonUnion.Read<{typeName}>(element, {_types.ReaderDelegate(variant.Type, nullable: false, depth: 0)})",
                WriteStatement = _types.Write(variant.Type, "writer", local),
                Descriptor = "new global::Flutterwave.Runtime.Json.JsonUnionVariant("
                    + UnionKinds(variant.JsonKinds) + ", "
                    + Literals.StringArray(variant.DiscriminatorValues) + ", "
                    + Literals.StringArray(variant.RequiredProperties) + ", "
                    + Literals.StringArray(variant.KnownProperties) + ", "
                    + Literals.StringArray(variant.ConstantProperties) + ")",
            });
        }

        return new
        {
            _spec.Namespace,
            model.Name,
            FullName = FullName(model.Name),
            Version = _version,
            Doc = XmlDoc.Render(model.Doc, "    ", $"One of several shapes (<c>{XmlDoc.Escape(model.Name)}</c>)."),
            Attributes = Obsolete(model.Doc, "    "),
            Keyword = "oneOf/anyOf",
            Discriminator = model.DiscriminatorProperty is not null,
            DiscriminatorXml = model.DiscriminatorProperty is null ? string.Empty : XmlDoc.Escape(model.DiscriminatorProperty),
            DiscriminatorLiteral = model.DiscriminatorProperty is null ? "null" : Literals.String(model.DiscriminatorProperty),
            Variants = variants,
        };
    }

    private static string UnionKinds(int kinds)
    {
        const string prefix = "global::Flutterwave.Runtime.Json.JsonUnionKinds.";
        if (kinds == JsonKinds.Any)
        {
            return prefix + "Any";
        }

        var names = new List<string>();
        foreach (var (flag, name) in new[] { (JsonKinds.Object, "Object"), (JsonKinds.Array, "Array"), (JsonKinds.String, "String"), (JsonKinds.Number, "Number"), (JsonKinds.Boolean, "Boolean"), (JsonKinds.Integer, "Integer") })
        {
            if ((kinds & flag) != 0)
            {
                names.Add(prefix + name);
            }
        }

        return names.Count == 0 ? prefix + "None" : string.Join(" | ", names);
    }

    private string Cref(TypeRef type) => type.Kind switch
    {
        TypeKind.List or TypeKind.Map => "global::System.Collections.Generic." + (type.Kind == TypeKind.List ? "IList{T}" : "IDictionary{TKey, TValue}"),
        TypeKind.Bytes => "byte",
        _ => _types.TypeName(type),
    };

    internal static string Obsolete(DocModel doc, string indent) =>
        doc.Deprecated ? indent + "[global::System.Obsolete(\"Deprecated in the spec.\")]\n" : string.Empty;

    private sealed class PropertyView
    {
        public string Name { get; set; } = string.Empty;

        public string Utf8Name { get; set; } = string.Empty;

        public string JsonNameLiteral { get; set; } = string.Empty;

        public string Doc { get; set; } = string.Empty;

        public string Attributes { get; set; } = string.Empty;

        public string Declaration { get; set; } = string.Empty;

        public string ReadExpression { get; set; } = string.Empty;

        public string? PresenceFlag { get; set; }

        public string WriteBlock { get; set; } = string.Empty;
    }
}
