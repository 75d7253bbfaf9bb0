using System;
using System.Collections.Generic;
using System.Text;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>Writes XML doc comments from the spec's descriptions, summaries, examples and defaults.</summary>
internal static class XmlDoc
{
    /// <summary>
    /// The doc comment lines for a member, each starting with <paramref name="indent"/> and <c>///</c>, ending in a
    /// newline. <paramref name="fallback"/> stands in when the spec says nothing, so every public member has a summary.
    /// </summary>
    public static string Render(DocModel doc, string indent, string fallback, IEnumerable<(string Tag, string Attributes, string Text)>? extra = null)
    {
        var builder = new StringBuilder();
        Element(builder, indent, "summary", string.Empty, doc.Summary ?? fallback, escape: doc.Summary is not null);
        var remarks = doc.Remarks;
        if (doc.Deprecated)
        {
            remarks = (remarks is null ? string.Empty : remarks + "\n\n") + "Deprecated in the spec.";
        }

        if (remarks is not null)
        {
            Element(builder, indent, "remarks", string.Empty, remarks, escape: true);
        }

        if (doc.Default is not null)
        {
            Element(builder, indent, "value", string.Empty, "Default in the spec: <c>" + Escape(doc.Default) + "</c>.", escape: false);
        }

        if (doc.Example is not null)
        {
            Element(builder, indent, "example", string.Empty, "<c>" + Escape(doc.Example) + "</c>", escape: false);
        }

        if (extra is not null)
        {
            foreach (var (tag, attributes, text) in extra)
            {
                Element(builder, indent, tag, attributes, text, escape: false);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes text for XML doc content.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Escapes text for an XML attribute value.</summary>
    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;");

    private static void Element(StringBuilder builder, string indent, string tag, string attributes, string text, bool escape)
    {
        var content = escape ? Escape(text) : text;
        var lines = content.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length == 1)
        {
            builder.Append(indent).Append("/// <").Append(tag).Append(attributes).Append('>').Append(lines[0].Trim()).Append("</").Append(tag).Append(">\n");
            return;
        }

        builder.Append(indent).Append("/// <").Append(tag).Append(attributes).Append(">\n");
        var paragraph = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                paragraph = true;
                continue;
            }

            if (paragraph)
            {
                builder.Append(indent).Append("/// <para/>\n");
                paragraph = false;
            }

            builder.Append(indent).Append("/// ").Append(line).Append('\n');
        }

        builder.Append(indent).Append("/// </").Append(tag).Append(">\n");
    }
}
