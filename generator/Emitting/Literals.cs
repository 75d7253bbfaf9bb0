using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Flutterwave.Codegen.Emitting;

/// <summary>C# literals for text that comes from a spec: every character escaped so nothing in a spec can break out.</summary>
internal static class Literals
{
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 0x20 || c == 0x7f || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8(string value) => String(value) + "u8";

    public static string StringArray(IEnumerable<string> values)
    {
        var items = values.Select(String).ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", items) + " }";
    }
}
