using System;
using System.Collections.Generic;
using System.Globalization;

namespace Flutterwave.Codegen.Naming;

/// <summary>
/// Hands out unique names in one scope (a namespace, a class's members, a method's parameters). A taken name gets
/// the smallest free numeric suffix, so the result depends only on the order of requests, which follows the spec.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    /// <param name="ignoreCase">
    /// Type names are unique ignoring case: generated files are named after them and the compiler compares
    /// hint names without case.
    /// </param>
    public NameScope(bool ignoreCase, IEnumerable<string>? reserved = null)
    {
        _taken = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (reserved is not null)
        {
            foreach (var name in reserved)
            {
                _taken.Add(name);
            }
        }
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Claims <paramref name="preferred"/>, or <c>preferred2</c>, <c>preferred3</c>, ... if taken.</summary>
    public string Claim(string preferred)
    {
        if (_taken.Add(preferred))
        {
            return preferred;
        }

        for (var i = 2; ; i++)
        {
            var candidate = preferred + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    public void Reserve(string name) => _taken.Add(name);
}
