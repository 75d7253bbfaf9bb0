using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>
/// The member rules of payout parties (recipients and senders, saved or inline) that the spec leaves to the server:
/// a name needs <c>first</c> and <c>last</c>, a phone both parts, an address <c>line1</c>, <c>city</c>,
/// <c>state</c>, <c>country</c> and <c>postal_code</c>. Each check adds one error per missing member, named by its
/// dotted path, so a request learns everything it lacks at once.
/// </summary>
internal static class PayoutParties
{
    private static readonly string[] AddressParts = ["line1", "city", "state", "country", "postal_code"];

    public static void RequireName(JsonObject parent, string prefix, List<FieldError> errors, bool required = true)
    {
        if (Json.Obj(parent, "name") is not { } name)
        {
            if (required)
            {
                errors.Add(new FieldError(prefix + "name", "is required"));
            }

            return;
        }

        RequireText(name, prefix + "name.", errors, "first", "last");
    }

    public static void RequireContact(JsonObject parent, string prefix, List<FieldError> errors)
    {
        RequireText(parent, prefix, errors, "email");
        if (Json.Obj(parent, "phone") is { } phone)
        {
            RequireText(phone, prefix + "phone.", errors, "country_code", "number");
        }
        else
        {
            errors.Add(new FieldError(prefix + "phone", "is required"));
        }

        if (Json.Obj(parent, "address") is { } address)
        {
            RequireText(address, prefix + "address.", errors, AddressParts);
        }
        else
        {
            errors.Add(new FieldError(prefix + "address", "is required"));
        }
    }

    /// <summary>Adds an error for each dotted <paramref name="paths"/> (relative to <paramref name="parent"/>) with no text.</summary>
    public static void RequireText(JsonObject parent, string prefix, List<FieldError> errors, params string[] paths)
    {
        foreach (var path in paths)
        {
            JsonNode? node = parent;
            foreach (var part in path.Split('.'))
            {
                node = node is JsonObject o ? o[part] : null;
            }

            if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
            {
                errors.Add(new FieldError(prefix + path, "is required"));
            }
        }
    }

    /// <summary>A copy of the party's members that are shown back (never anything else the request carried).</summary>
    public static JsonObject Details(JsonObject source, params string[] members)
    {
        var details = new JsonObject();
        foreach (var member in members)
        {
            if (Json.Copy(source, member) is { } value)
            {
                details[member] = value;
            }
        }

        return details;
    }
}
