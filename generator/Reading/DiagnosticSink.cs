using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Reading;

/// <summary>
/// Collects diagnostics while a spec is read, each with the JSON pointer it is about. Pointers become lines in one
/// pass over the text at the end (<see cref="SpecDocumentReader.Locate"/>), and only when there is something to report.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<(string Id, string Pointer, string[] Arguments)> _pending = new();
    private readonly List<DiagnosticInfo> _placed = new();
    private readonly HashSet<string> _seen = new();

    public void Report(DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
    {
        // The same schema can be reached along many paths; say each thing once.
        if (_seen.Add(descriptor.Id + "|" + pointer + "|" + string.Join("|", arguments)))
        {
            _pending.Add((descriptor.Id, pointer, arguments));
        }
    }

    /// <summary>Reports a diagnostic whose span is already known (a syntax error has no pointer).</summary>
    public void ReportAt(DiagnosticDescriptor descriptor, SpecSpan span, params string[] arguments)
    {
        _placed.Add(new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), span));
    }

    public EquatableArray<DiagnosticInfo> Resolve(string path, string? text)
    {
        if (_pending.Count == 0)
        {
            return _placed.ToEquatableArray();
        }

        var spans = text is null
            ? new Dictionary<string, SpecSpan>()
            : SpecDocumentReader.Locate(path, text, _pending.Select(p => p.Pointer).Distinct().ToList());
        return _placed.Concat(_pending
            .Select(p => new DiagnosticInfo(p.Id, p.Arguments.ToEquatableArray(), spans.TryGetValue(p.Pointer, out var span) ? span : SpecSpan.FileStart(path))))
            .ToEquatableArray();
    }
}
