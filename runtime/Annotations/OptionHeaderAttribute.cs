using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// On a generated operation method: the operation sends <see cref="RequestOptions"/>' <see cref="Option"/> as the
/// header <see cref="HeaderName"/>, with these rules. The analyzers read it (an idempotency key on a POST, constant
/// keys that break the rules); operations without it send no such header.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class OptionHeaderAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="option">The <see cref="RequestOptions"/> property: <c>IdempotencyKey</c>, <c>TraceId</c> or <c>ScenarioKey</c>.</param>
    /// <param name="headerName">The header that carries it.</param>
    public OptionHeaderAttribute(string option, string headerName)
    {
        Option = option;
        HeaderName = headerName;
    }

    /// <summary>The <see cref="RequestOptions"/> property.</summary>
    public string Option { get; }

    /// <summary>The header name.</summary>
    public string HeaderName { get; }

    /// <summary>The shortest value accepted; 0 when the spec states none.</summary>
    public int MinLength { get; set; }

    /// <summary>The longest value accepted; 0 when the spec states none.</summary>
    public int MaxLength { get; set; }

    /// <summary>The pattern values must match, if any.</summary>
    public string? Pattern { get; set; }

    /// <summary>The client generates a value when the caller gives none.</summary>
    public bool Generated { get; set; }

    /// <summary>The request is refused without a value.</summary>
    public bool Required { get; set; }
}
