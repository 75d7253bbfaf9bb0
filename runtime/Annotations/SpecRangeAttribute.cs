using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// The numeric bounds the spec states for a value (OpenAPI <c>minimum</c> / <c>maximum</c>, possibly exclusive).
/// </summary>
/// <remarks>
/// Bounds are kept as the spec writes them (invariant-culture decimal text) so no precision is lost on the way.
/// The generator emits it on generated members; the analyzers read it to flag constants the API would reject
/// (rule FLW0002). It has no effect at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class SpecRangeAttribute : Attribute
{
    /// <summary>The lower bound as invariant-culture text, or <see langword="null"/> when the spec states none.</summary>
    public string? Minimum { get; set; }

    /// <summary>The upper bound as invariant-culture text, or <see langword="null"/> when the spec states none.</summary>
    public string? Maximum { get; set; }

    /// <summary>Whether a value equal to <see cref="Minimum"/> is rejected.</summary>
    public bool ExclusiveMinimum { get; set; }

    /// <summary>Whether a value equal to <see cref="Maximum"/> is rejected.</summary>
    public bool ExclusiveMaximum { get; set; }
}
