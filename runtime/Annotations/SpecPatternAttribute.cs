using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// The regular expression the spec requires of a value (OpenAPI <c>pattern</c>, ECMA-262 syntax as written in the spec).
/// </summary>
/// <remarks>
/// The generator emits it on generated members; the analyzers read it to flag constants the API would reject
/// (rule FLW0002). It has no effect at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class SpecPatternAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="pattern">The pattern, as the spec writes it.</param>
    public SpecPatternAttribute(string pattern)
    {
        Pattern = pattern;
    }

    /// <summary>The pattern, as the spec writes it.</summary>
    public string Pattern { get; }
}
