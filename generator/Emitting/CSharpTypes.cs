using System;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// Type mapping for emitted code: the C# type of a <see cref="TypeRef"/>, and the expressions that read and write
/// its JSON through the runtime's <c>JsonCodec</c>. Everything is written with <c>global::</c>, so no user or spec
/// type name can capture it.
/// </summary>
internal sealed class CSharpTypes
{
    public const string Codec = "global::Flutterwave.Runtime.Json.JsonCodec";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string TokenNull = "global::System.Text.Json.JsonTokenType.Null";
    public const string Formatter = "global::Flutterwave.Runtime.Http.ParameterFormatter";

    private readonly string _namespace;

    public CSharpTypes(string @namespace) => _namespace = @namespace;

    /// <summary>The C# type, with <c>?</c> when <paramref name="nullable"/>.</summary>
    public string TypeName(TypeRef type, bool nullable = false)
    {
        var name = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Decimal => "decimal",
            TypeKind.Double => "double",
            TypeKind.Single => "float",
            TypeKind.Boolean => "bool",
            TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeKind.DateOnly => "global::System.DateOnly",
            TypeKind.Guid => "global::System.Guid",
            TypeKind.Uri => "global::System.Uri",
            TypeKind.Bytes => "byte[]",
            TypeKind.Element => "global::System.Text.Json.JsonElement",
            TypeKind.FreeFormObject => "global::System.Text.Json.Nodes.JsonObject",
            TypeKind.Model or TypeKind.Enum => "global::" + _namespace + "." + type.Name,
            TypeKind.List => "global::System.Collections.Generic.IList<" + TypeName(type.Item!, type.ItemNullable) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + TypeName(type.Item!, type.ItemNullable) + ">",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, null),
        };
        return nullable ? name + "?" : name;
    }

    /// <summary>An expression reading a non-null value from the reader variable <paramref name="reader"/>.</summary>
    public string Read(TypeRef type, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => TypeName(type) + ".ReadJson(ref " + reader + ")",
        TypeKind.List => $"{Codec}.ReadList<{TypeName(type.Item!, type.ItemNullable)}>(ref {reader}, {ReaderDelegate(type.Item!, type.ItemNullable, depth + 1)})",
        TypeKind.Map => $"{Codec}.ReadMap<{TypeName(type.Item!, type.ItemNullable)}>(ref {reader}, {ReaderDelegate(type.Item!, type.ItemNullable, depth + 1)})",
        _ => $"{Codec}.{CodecSuffix(type.Kind, read: true)}(ref {reader})",
    };

    /// <summary>
    /// An expression reading a value that may be JSON null (giving C# null). A <c>JsonElement</c> keeps null as a
    /// null-kind element instead.
    /// </summary>
    public string ReadNullable(TypeRef type, string reader, int depth = 0)
    {
        if (type.Kind == TypeKind.Element)
        {
            return Read(type, reader, depth);
        }

        var none = type.IsValueType ? $"default({TypeName(type, nullable: true)})" : "null";
        return $"{reader}.TokenType == {TokenNull} ? {none} : {Read(type, reader, depth)}";
    }

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c>: a method group where one fits, a static lambda otherwise.</summary>
    public string ReaderDelegate(TypeRef type, bool nullable, int depth)
    {
        if (!nullable || type.Kind == TypeKind.Element)
        {
            switch (type.Kind)
            {
                case TypeKind.Model or TypeKind.Enum:
                    return TypeName(type) + ".ReadJson";
                case TypeKind.List or TypeKind.Map:
                    break;
                default:
                    return $"{Codec}.{CodecSuffix(type.Kind, read: true)}";
            }
        }

        var variable = "r" + depth;
        var body = nullable ? ReadNullable(type, variable, depth) : Read(type, variable, depth);
        return $"static (ref {Reader} {variable}) => {body}";
    }

    /// <summary>A statement writing the non-null value <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public string Write(TypeRef type, string writer, string value, int depth = 0) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => $"{value}.WriteJson({writer});",
        TypeKind.List => $"{Codec}.WriteList<{TypeName(type.Item!, type.ItemNullable)}>({writer}, {value}, {WriterDelegate(type.Item!, type.ItemNullable, depth + 1)});",
        TypeKind.Map => $"{Codec}.WriteMap<{TypeName(type.Item!, type.ItemNullable)}>({writer}, {value}, {WriterDelegate(type.Item!, type.ItemNullable, depth + 1)});",
        _ => $"{Codec}.{CodecSuffix(type.Kind, read: false)}({writer}, {value});",
    };

    /// <summary>A <c>JsonValueWriter&lt;T&gt;</c> for values of the type (null-aware when <paramref name="nullable"/>).</summary>
    public string WriterDelegate(TypeRef type, bool nullable, int depth)
    {
        if (nullable && type.Kind != TypeKind.Element)
        {
            var inner = WriterDelegate(type, nullable: false, depth + 1);
            var method = type.IsValueType ? "WriteNullableValue" : "WriteNullable";
            return $"static ({Writer} w{depth}, {TypeName(type, nullable: true)} v{depth}) => {Codec}.{method}<{TypeName(type)}>(w{depth}, v{depth}, {inner})";
        }

        return type.Kind switch
        {
            TypeKind.Model or TypeKind.Enum => $"{Codec}.WriteModel<{TypeName(type)}>",
            TypeKind.List or TypeKind.Map => $"static ({Writer} w{depth}, {TypeName(type)} v{depth}) => {Write(type, "w" + depth, "v" + depth, depth).TrimEnd(';')}",
            _ => $"{Codec}.{CodecSuffix(type.Kind, read: false)}",
        };
    }

    /// <summary>An expression formatting a parameter value as text for a path, query or header.</summary>
    public string Format(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Enum => value + ".ToString()",
        _ => $"{Formatter}.Format({value})",
    };

    /// <summary>A <c>Func&lt;T, string&gt;</c> formatting list items.</summary>
    public string FormatDelegate(TypeRef item) => $"static ({TypeName(item)} x) => {Format(item, "x")}";

    private static string CodecSuffix(TypeKind kind, bool read) => (read ? "Read" : "Write") + kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Decimal => "Decimal",
        TypeKind.Double => "Double",
        TypeKind.Single => "Single",
        TypeKind.Boolean => "Boolean",
        TypeKind.DateTimeOffset => "DateTimeOffset",
        TypeKind.DateOnly => "DateOnly",
        TypeKind.Guid => "Guid",
        TypeKind.Uri => "Uri",
        TypeKind.Bytes => "Bytes",
        TypeKind.Element => "Element",
        TypeKind.FreeFormObject => "Object",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
