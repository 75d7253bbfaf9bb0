using System.Globalization;
using System.Text;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// Where a value sits in the request, built as the validator walks down and only turned into text for an error:
/// <c>payment_method.card.nonce</c>, <c>fees[0].amount</c>, or the root's own name (<c>body</c>, a parameter name).
/// </summary>
internal sealed class FieldPath
{
    // Member names come from the request. One that could carry data (a card number used as a key, a long or odd
    // string) is shown as "*": field names end up in responses and logs, and must never leak what was sent.
    private const int MaxShownNameLength = 64;
    private const int MaxShownNameDigits = 5;

    private readonly FieldPath? parent;
    private readonly string? member;
    private readonly int index;

    private FieldPath(FieldPath? parent, string? member, int index)
    {
        this.parent = parent;
        this.member = member;
        this.index = index;
    }

    /// <summary>The whole value, named <paramref name="name"/> when an error is about it as a whole.</summary>
    public static FieldPath Root(string name) => new(null, name, -1);

    /// <summary>The member <paramref name="name"/> of this object.</summary>
    public FieldPath Member(string name) => new(this, Shown(name), -1);

    /// <summary>The item at <paramref name="position"/> of this array.</summary>
    public FieldPath Item(int position) => new(this, null, position);

    public override string ToString()
    {
        if (parent is null)
        {
            return member!;
        }

        var segments = new Stack<FieldPath>();
        for (var at = this; at.parent is not null; at = at.parent)
        {
            segments.Push(at);
        }

        var text = new StringBuilder();
        if (segments.Peek().member is null)
        {
            // An item of the root array: `body[0]`; members of the root are just `amount`.
            text.Append(Root().member);
        }

        foreach (var segment in segments)
        {
            if (segment.member is null)
            {
                text.Append('[').Append(segment.index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment.member);
            }
        }

        return text.ToString();
    }

    private FieldPath Root()
    {
        var at = this;
        while (at.parent is not null)
        {
            at = at.parent;
        }

        return at;
    }

    private static string Shown(string name)
    {
        if (name.Length is 0 or > MaxShownNameLength)
        {
            return "*";
        }

        var digits = 0;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return "*";
            }

            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits > MaxShownNameDigits ? "*" : name;
    }
}
