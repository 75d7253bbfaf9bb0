using System.Globalization;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>Resolves the document's local <c>$ref</c>s (<c>#/components/...</c>) as JSON pointers.</summary>
internal sealed class SpecReferences
{
    // Parameters and request bodies may point at a $ref that points at another; a longer chain is a loop.
    private const int MaxHops = 32;

    private readonly JsonNode root;

    public SpecReferences(JsonNode root) => this.root = root;

    /// <summary>Appends one token to a JSON pointer, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string token) =>
        string.Concat(pointer, "/", token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    /// <summary>Appends an array index to a JSON pointer.</summary>
    public static string Append(string pointer, int index) =>
        string.Concat(pointer, "/", index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The node <paramref name="reference"/> names, and its canonical pointer.</summary>
    /// <param name="reference">The <c>$ref</c> text.</param>
    /// <param name="from">Pointer of the <c>$ref</c>, for the error message.</param>
    /// <exception cref="FormatException">The reference is not local or names nothing.</exception>
    public (JsonNode? Node, string Pointer) Resolve(string reference, string from)
    {
        if (!reference.StartsWith('#'))
        {
            throw new FormatException(
                $"The spec's $ref '{reference}' at {from} points outside the document; only local references (#/components/...) are supported.");
        }

        // A pointer in a URI fragment may be percent-encoded (`#/components/schemas/My%20Schema`).
        var fragment = Uri.UnescapeDataString(reference[1..]);

        if (fragment.Length > 0 && fragment[0] != '/')
        {
            throw new FormatException($"The spec's $ref '{reference}' at {from} is not a JSON pointer.");
        }

        JsonNode? node = root;
        var pointer = "#";
        foreach (var raw in fragment.Length == 0 ? Array.Empty<string>() : fragment[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            JsonNode? next = null;
            var found = false;
            if (node is JsonObject obj)
            {
                found = obj.TryGetPropertyValue(token, out next);
            }
            else if (node is JsonArray array
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < array.Count)
            {
                found = true;
                next = array[index];
            }

            if (!found)
            {
                throw new FormatException($"The spec's $ref '{reference}' at {from} names nothing in the document.");
            }

            node = next;
            pointer = Append(pointer, token);
        }

        return (node, pointer);
    }

    /// <summary>
    /// Follows a parameter's or request body's <c>$ref</c> chain to the mapping at its end.
    /// </summary>
    /// <param name="node">The parameter or request body as written.</param>
    /// <param name="pointer">Where it is written.</param>
    /// <param name="what">"parameter", "request body": for the error message.</param>
    public (JsonObject Node, string Pointer) Follow(JsonNode? node, string pointer, string what)
    {
        for (var hops = 0; hops <= MaxHops; hops++)
        {
            if (node is not JsonObject obj)
            {
                throw new FormatException($"The spec's {what} at {pointer} must be a mapping.");
            }

            if (!obj.TryGetPropertyValue("$ref", out var reference))
            {
                return (obj, pointer);
            }

            (node, pointer) = Resolve(RequireString(reference, Append(pointer, "$ref")), pointer);
        }

        throw new FormatException($"The spec's {what} at {pointer} is a $ref chain that does not end (a loop?).");
    }

    /// <summary>The text of a node that must be a string.</summary>
    public static string RequireString(JsonNode? node, string pointer) =>
        JsonScalar.Of(node) is { Kind: JsonKind.String, Text: { } text }
            ? text
            : throw new FormatException($"The spec's value at {pointer} must be a string.");
}
