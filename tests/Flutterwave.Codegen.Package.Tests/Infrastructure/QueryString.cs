using System;
using System.Collections.Generic;
using System.Linq;

namespace Flutterwave.Codegen.Package.Tests.Infrastructure;

/// <summary>Reads a query string into name → value, so assertions do not depend on parameter order.</summary>
public static class QueryString
{
    /// <summary>Parses <c>a=1&amp;b=2</c> (no leading <c>?</c>); a repeated name fails the parse loudly.</summary>
    public static Dictionary<string, string> Parse(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty, StringComparer.Ordinal);
}
