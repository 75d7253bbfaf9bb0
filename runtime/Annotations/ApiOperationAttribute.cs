using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// Marks a generated client method with the spec operation it calls.
/// </summary>
/// <remarks>
/// The analyzers read it, for example to flag a POST sent without an idempotency key (rule FLW0003).
/// It has no effect at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ApiOperationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="httpMethod">The HTTP method in upper case, for example <c>POST</c>.</param>
    /// <param name="path">The path template, for example <c>/charges/{id}</c>.</param>
    /// <param name="operationId">The spec's <c>operationId</c>.</param>
    public ApiOperationAttribute(string httpMethod, string path, string operationId)
    {
        HttpMethod = httpMethod;
        Path = path;
        OperationId = operationId;
    }

    /// <summary>The HTTP method in upper case, for example <c>POST</c>.</summary>
    public string HttpMethod { get; }

    /// <summary>The path template, for example <c>/charges/{id}</c>.</summary>
    public string Path { get; }

    /// <summary>The spec's <c>operationId</c>.</summary>
    public string OperationId { get; }
}
