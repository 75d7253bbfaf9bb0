using System.Text.Json;

namespace Flutterwave.Runtime.Json;

/// <summary>
/// Implemented by every type the generator emits (objects, extensible enums, unions): reflection-free
/// reading and writing over <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
/// <remarks>
/// System.Text.Json's own source generator cannot see types another generator emits, so the generator writes
/// this code itself. <see cref="JsonModelConverter{T}"/> adapts it to <see cref="JsonSerializer"/>.
/// </remarks>
public interface IJsonModel<TSelf> where TSelf : IJsonModel<TSelf>
{
    /// <summary>Reads one value. The reader is positioned on the value's first token and is left on its last.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">The JSON does not have the shape the spec describes.</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this value.</summary>
    /// <param name="writer">The writer.</param>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>Reads one JSON value of type <typeparamref name="T"/>; see <see cref="IJsonModel{TSelf}.ReadJson"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token.</param>
/// <returns>The value read.</returns>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one JSON value of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value.</param>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);
