using System;
using System.Collections.Generic;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// The values the spec lists for an enum (OpenAPI <c>enum</c>), on the generated extensible enum type.
/// </summary>
/// <remarks>
/// Generated enums accept unlisted values so a new server value never breaks reading; this attribute lets the
/// analyzers flag a constant the spec does not list (rule FLW0002) all the same. It has no effect at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class SpecAllowedValuesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="values">The values as they appear in JSON.</param>
    public SpecAllowedValuesAttribute(params string[] values)
    {
        Values = values ?? Array.Empty<string>();
    }

    /// <summary>The values as they appear in JSON.</summary>
    public IReadOnlyList<string> Values { get; }
}
