namespace Flutterwave.Codegen.Model;

/// <summary>
/// A diagnostic as data: the descriptor id, the message arguments, and where in the spec file it points.
/// Turned into a Roslyn <c>Diagnostic</c> only when reported, so models stay equatable.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, SpecSpan Span);

/// <summary>A span in a spec file: character offsets and zero-based line/column positions.</summary>
internal sealed record SpecSpan(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SpecSpan FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);
}

/// <summary>The outcome of reading one spec: the model (when anything could be generated) and the diagnostics.</summary>
internal sealed record SpecResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One spec file as configured in MSBuild, with its text.</summary>
/// <param name="Conventions">The item's <c>Conventions</c> metadata (<c>auto</c>, <c>flutterwave</c>, <c>none</c>), already checked; <see langword="null"/> when not set.</param>
internal sealed record SpecInput(string Path, string? Text, string Namespace, string ClientName, EquatableArray<DiagnosticInfo> OptionDiagnostics, string? Conventions = null);
