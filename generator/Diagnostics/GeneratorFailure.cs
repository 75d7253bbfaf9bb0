using System;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Diagnostics;

/// <summary>FLW1011 for an exception a stage caught: where (the spec file) and what, never the exception itself in the compiler.</summary>
internal static class GeneratorFailure
{
    public static DiagnosticInfo For(string specPath, Exception exception) => new(
        DiagnosticDescriptors.GeneratorFailure.Id,
        new[] { specPath, exception.GetType().Name, Message(exception) }.ToEquatableArray(),
        SpecSpan.FileStart(specPath));

    /// <summary>The message and the generator method that failed (no file paths): enough for a useful bug report.</summary>
    public static string Message(Exception exception)
    {
        var site = exception.TargetSite is { } method ? $" in {method.DeclaringType?.Name}.{method.Name}" : string.Empty;
        return exception.Message.TrimEnd('.') + site;
    }
}
