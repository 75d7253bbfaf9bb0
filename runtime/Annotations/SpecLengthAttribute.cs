using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// The length bounds the spec states for a string value (OpenAPI <c>minLength</c> / <c>maxLength</c>).
/// </summary>
/// <remarks>
/// The generator emits it on generated members; the analyzers read it to flag constants the API would reject
/// (rule FLW0002). It has no effect at run time. A bound the spec does not state is <c>-1</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class SpecLengthAttribute : Attribute
{
    /// <summary>The fewest characters allowed, or <c>-1</c> when the spec states none.</summary>
    public int MinLength { get; set; } = -1;

    /// <summary>The most characters allowed, or <c>-1</c> when the spec states none.</summary>
    public int MaxLength { get; set; } = -1;
}
