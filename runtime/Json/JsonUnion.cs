using System;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Flutterwave.Runtime.Json;

/// <summary>JSON value kinds a union variant accepts (bit flags, mirrored by the generator).</summary>
[Flags]
public enum JsonUnionKinds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>An object.</summary>
    Object = 1,

    /// <summary>An array.</summary>
    Array = 2,

    /// <summary>A string.</summary>
    String = 4,

    /// <summary>Any number.</summary>
    Number = 8,

    /// <summary>A boolean.</summary>
    Boolean = 16,

    /// <summary>An integral number only.</summary>
    Integer = 32,

    /// <summary>Any value.</summary>
    Any = Object | Array | String | Number | Boolean,
}

/// <summary>What identifies one variant of a generated <c>oneOf</c>/<c>anyOf</c> type in JSON.</summary>
/// <param name="Kinds">The JSON kinds the variant accepts.</param>
/// <param name="DiscriminatorValues">Discriminator values that select it outright.</param>
/// <param name="RequiredProperties">Properties an object must have to be this variant.</param>
/// <param name="KnownProperties">All its property names, to rank candidates.</param>
/// <param name="ConstantProperties">Properties with a fixed set of values, as <c>name=v1|v2</c>.</param>
public sealed record JsonUnionVariant(
    JsonUnionKinds Kinds,
    string[] DiscriminatorValues,
    string[] RequiredProperties,
    string[] KnownProperties,
    string[] ConstantProperties);

/// <summary>Picks the variant of a union that a JSON value is, and reads it.</summary>
public static class JsonUnion
{
    /// <summary>
    /// Returns the index of the variant <paramref name="element"/> matches, or -1 when none does. A discriminator
    /// value decides outright; otherwise a candidate must have the right JSON kind, every required property and
    /// allowed values for its constant properties, and the one that knows the most of the object's properties wins
    /// (the first on a tie).
    /// </summary>
    /// <param name="element">The value.</param>
    /// <param name="variants">The variants, in the spec's order.</param>
    /// <param name="discriminator">The discriminator property, if the spec names one.</param>
    /// <returns>The index, or -1.</returns>
    public static int Match(JsonElement element, JsonUnionVariant[] variants, string? discriminator)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var kind = element.ValueKind switch
        {
            JsonValueKind.Object => JsonUnionKinds.Object,
            JsonValueKind.Array => JsonUnionKinds.Array,
            JsonValueKind.String => JsonUnionKinds.String,
            JsonValueKind.Number => element.TryGetInt64(out _) ? JsonUnionKinds.Number | JsonUnionKinds.Integer : JsonUnionKinds.Number,
            JsonValueKind.True or JsonValueKind.False => JsonUnionKinds.Boolean,
            _ => JsonUnionKinds.None,
        };

        if (discriminator is not null && kind == JsonUnionKinds.Object
            && element.TryGetProperty(discriminator, out var tag) && tag.ValueKind == JsonValueKind.String)
        {
            var value = tag.GetString();
            for (var i = 0; i < variants.Length; i++)
            {
                if (Array.IndexOf(variants[i].DiscriminatorValues, value) >= 0)
                {
                    return i;
                }
            }
        }

        var best = -1;
        var bestScore = int.MinValue;
        for (var i = 0; i < variants.Length; i++)
        {
            var variant = variants[i];
            if ((variant.Kinds & kind) == 0)
            {
                continue;
            }

            var score = variant.Kinds == JsonUnionKinds.Any ? -1 : 0;
            if (kind == JsonUnionKinds.Object && variant.Kinds != JsonUnionKinds.Any)
            {
                if (!ScoreObject(element, variant, ref score))
                {
                    continue;
                }
            }

            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Reads a value from an element (the union's chosen variant).</summary>
    /// <typeparam name="T">The variant's type.</typeparam>
    /// <param name="element">The element.</param>
    /// <param name="read">Reads the variant.</param>
    /// <returns>The value.</returns>
    public static T Read<T>(JsonElement element, JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        reader.Read();
        return read(ref reader);
    }

    private static bool ScoreObject(JsonElement element, JsonUnionVariant variant, ref int score)
    {
        foreach (var required in variant.RequiredProperties)
        {
            if (!element.TryGetProperty(required, out _))
            {
                return false;
            }
        }

        foreach (var constant in variant.ConstantProperties)
        {
            var split = constant.IndexOf('=', StringComparison.Ordinal);
            if (element.TryGetProperty(constant.AsSpan(0, split), out var value))
            {
                if (value.ValueKind != JsonValueKind.String || Array.IndexOf(constant[(split + 1)..].Split('|'), value.GetString()) < 0)
                {
                    return false;
                }

                // A matching fixed value (a `type: card`) says more than any number of shared property names.
                score += 10_000;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(variant.KnownProperties, property.Name) >= 0)
            {
                score++;
            }
        }

        return true;
    }
}
