using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flutterwave.Runtime.Json;

/// <summary>
/// Reflection-free readers and writers for the JSON values generated code handles: the primitives an OpenAPI
/// schema can name, lists, maps, untyped values and generated types.
/// </summary>
/// <remarks>
/// <para>Generated code calls these; they are public so that it can. Readers expect the reader to be positioned
/// on the value's first token and leave it on the value's last token, as <see cref="System.Text.Json.Serialization.JsonConverter{T}"/> does.</para>
/// <para>Reading is tolerant where nothing can be lost: a number or boolean where a string is expected is read as its
/// JSON text, and a string holding a number is read as that number (APIs are not always consistent). Writing always
/// follows the spec's type.</para>
/// <para>Error messages name the expected and the found token, never the value: values may be card data.</para>
/// </remarks>
public static class JsonCodec
{
    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
            case JsonTokenType.PropertyName:
                return reader.GetString()!;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return RawText(ref reader);
            default:
                throw Unexpected(ref reader, "a string");
        }
    }

    /// <summary>Reads a 32-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The number.</returns>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : ParseNumber<int>(ref reader, NumberStyles.Integer, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The number.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : ParseNumber<long>(ref reader, NumberStyles.Integer, "a 64-bit integer");
    }

    /// <summary>Reads a decimal number (the type for amounts: no binary rounding).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The number.</returns>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : ParseNumber<decimal>(ref reader, NumberStyles.Float, "a decimal number");
    }

    /// <summary>Reads a double-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The number.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value)
            ? value
            : ParseNumber<double>(ref reader, NumberStyles.Float, "a number");
    }

    /// <summary>Reads a single-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The number.</returns>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        return reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value)
            ? value
            : ParseNumber<float>(ref reader, NumberStyles.Float, "a number");
    }

    /// <summary>Reads a boolean (also from the strings <c>"true"</c> and <c>"false"</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The boolean.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String when reader.ValueTextEquals("true"u8):
                return true;
            case JsonTokenType.String when reader.ValueTextEquals("false"u8):
                return false;
            default:
                throw Unexpected(ref reader, "a boolean");
        }
    }

    /// <summary>Reads an RFC 3339 date-time.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date-time.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            // Utf8JsonReader accepts ISO 8601 with up to 7 fractional digits; servers send 9 (nanoseconds) too.
            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value))
            {
                return value;
            }
        }

        throw Unexpected(ref reader, "an RFC 3339 date-time string");
    }

    /// <summary>Reads a full date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date.</returns>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a yyyy-MM-dd date string");
    }

    /// <summary>Reads a UUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The UUID.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a UUID string");
    }

    /// <summary>Reads a URI (absolute or relative), keeping its original text.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The URI.</returns>
    public static Uri ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a URI string");
    }

    /// <summary>Reads base64-encoded bytes.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a base64 string");
    }

    /// <summary>Reads any JSON value as a <see cref="JsonElement"/> (for schemas without a type).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a free-form JSON object.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The object.</returns>
    public static JsonObject ReadObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        return (JsonObject)JsonNode.Parse(ref reader)!;
    }

    /// <summary>Reads a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The items.</returns>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(readItem(ref reader));
        }

        return list;
    }

    /// <summary>Reads a JSON object as a map from property name to value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readValue">Reads one value.</param>
    /// <returns>The map, in document order.</returns>
    public static Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Writes a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, string value) => Writer(writer).WriteStringValue(value);

    /// <summary>Writes a 32-bit integer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt32(Utf8JsonWriter writer, int value) => Writer(writer).WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt64(Utf8JsonWriter writer, long value) => Writer(writer).WriteNumberValue(value);

    /// <summary>Writes a decimal number.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value) => Writer(writer).WriteNumberValue(value);

    /// <summary>Writes a double-precision number.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDouble(Utf8JsonWriter writer, double value) => Writer(writer).WriteNumberValue(value);

    /// <summary>Writes a single-precision number.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteSingle(Utf8JsonWriter writer, float value) => Writer(writer).WriteNumberValue(value);

    /// <summary>Writes a boolean.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value) => Writer(writer).WriteBooleanValue(value);

    /// <summary>Writes an RFC 3339 date-time.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => Writer(writer).WriteStringValue(value);

    /// <summary>Writes a full date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Writer(writer).WriteStringValue(buffer[..written]);
    }

    /// <summary>Writes a UUID.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteGuid(Utf8JsonWriter writer, Guid value) => Writer(writer).WriteStringValue(value);

    /// <summary>Writes a URI as the text it was created from.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteUri(Utf8JsonWriter writer, Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Writer(writer).WriteStringValue(value.OriginalString);
    }

    /// <summary>Writes bytes as base64.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteBytes(Utf8JsonWriter writer, byte[] value) => Writer(writer).WriteBase64StringValue(value);

    /// <summary>Writes an untyped value. A default (undefined) element is written as <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            Writer(writer).WriteNullValue();
            return;
        }

        value.WriteTo(Writer(writer));
    }

    /// <summary>Writes a free-form object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteObject(Utf8JsonWriter writer, JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(Writer(writer));
    }

    /// <summary>Writes a generated type.</summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteModel<T>(Utf8JsonWriter writer, T value) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        value.WriteJson(Writer(writer));
    }

    /// <summary>Writes a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="items">The items.</param>
    /// <param name="writeItem">Writes one item.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonValueWriter<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        Writer(writer).WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as a JSON object.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="map">The entries.</param>
    /// <param name="writeValue">Writes one value.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> map, JsonValueWriter<T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(writeValue);
        Writer(writer).WriteStartObject();
        foreach (var entry in map)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a value that may be <see langword="null"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes a non-null value.</param>
    public static void WriteNullable<T>(Utf8JsonWriter writer, T? value, JsonValueWriter<T> write) where T : class
    {
        ArgumentNullException.ThrowIfNull(write);
        if (value is null)
        {
            Writer(writer).WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }

    /// <summary>Writes a value-type value that may be <see langword="null"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes a non-null value.</param>
    public static void WriteNullableValue<T>(Utf8JsonWriter writer, T? value, JsonValueWriter<T> write) where T : struct
    {
        ArgumentNullException.ThrowIfNull(write);
        if (value is { } present)
        {
            write(writer, present);
        }
        else
        {
            Writer(writer).WriteNullValue();
        }
    }

    /// <summary>Serializes a value to UTF-8 JSON bytes.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] ToUtf8Bytes<T>(T value, JsonValueWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);

        // One buffer and writer per thread, taken for the duration of the call (a re-entrant call gets fresh ones):
        // only the returned array is allocated per call.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ?? new Utf8JsonWriter(buffer);
        t_buffer = null;
        t_writer = null;
        writer.Reset(buffer);
        try
        {
            write(writer, value);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            // Clear (not just rewind): the buffer may have held encrypted card fields.
            buffer.Clear();
            writer.Reset();
            if (buffer.Capacity <= MaxCachedBufferBytes)
            {
                t_buffer = buffer;
                t_writer = writer;
            }
        }
    }

    private const int MaxCachedBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Deserializes a complete UTF-8 JSON document.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="read">Reads the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not have the expected shape.</exception>
    public static T FromUtf8Bytes<T>(ReadOnlySpan<byte> utf8Json, JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            throw new JsonException("The JSON document is empty.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the JSON value.");
        }

        return value;
    }

    /// <summary>Creates the exception for a required property missing from the JSON.</summary>
    /// <param name="typeName">The generated type.</param>
    /// <param name="jsonName">The JSON property name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The JSON for {typeName} is missing the required property '{jsonName}'.");

    /// <summary>Creates the exception for a required, non-nullable property that is <c>null</c> in the JSON.</summary>
    /// <param name="typeName">The generated type.</param>
    /// <param name="jsonName">The JSON property name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException NullNotAllowed(string typeName, string jsonName) =>
        new($"The JSON for {typeName} has null for '{jsonName}', which the spec does not allow.");

    /// <summary>Creates the exception for a token of the wrong kind. The message never includes the value.</summary>
    /// <param name="reader">The reader, on the offending token.</param>
    /// <param name="expected">What was expected, for example "an object".</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex}.");

    private static Utf8JsonWriter Writer(Utf8JsonWriter writer) => writer ?? throw new ArgumentNullException(nameof(writer));

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.PropertyName => "a property name",
        _ => token.ToString(),
    };

    /// <summary>The slow path of the number readers: a number the fast path could not take, or one sent as a string.</summary>
    private static T ParseNumber<T>(ref Utf8JsonReader reader, NumberStyles style, string expected) where T : INumberBase<T>
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => RawText(ref reader),
            JsonTokenType.String => reader.GetString()!,
            _ => throw Unexpected(ref reader, expected),
        };
        return T.TryParse(text, style, CultureInfo.InvariantCulture, out var value) ? value : throw Unexpected(ref reader, expected);
    }

    private static string RawText(ref Utf8JsonReader reader)
    {
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return System.Text.Encoding.UTF8.GetString(span);
    }
}
