using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flutterwave.Runtime.Json;

/// <summary>
/// Lets a plain <see cref="JsonSerializer.Serialize{TValue}(TValue, JsonSerializerOptions?)"/> or
/// <c>Deserialize</c> call use a generated type's own reader and writer (generated types carry
/// <c>[JsonConverter(typeof(JsonModelConverter&lt;T&gt;))]</c>).
/// </summary>
/// <typeparam name="T">A generated type.</typeparam>
public sealed class JsonModelConverter<T> : JsonConverter<T> where T : IJsonModel<T>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        value.WriteJson(writer);
    }
}
