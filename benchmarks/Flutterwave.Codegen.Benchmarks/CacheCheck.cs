using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// What an edit-loop benchmark must prove before it is measured: a re-run after an unrelated C# edit parses nothing,
/// decides nothing and emits nothing again (every parse, conventions and models output Cached), and produces the
/// same sources.
/// </summary>
internal static class CacheCheck
{
    private static readonly string[] Required =
    {
        FlutterwaveGenerator.TrackingNames.SpecResults, FlutterwaveGenerator.TrackingNames.Conventions, FlutterwaveGenerator.TrackingNames.Models,
    };

    /// <summary>The report; throws when a required step re-ran.</summary>
    public static string Verify(string spec, GeneratorRunResult rerun, GeneratorRunResult first)
    {
        var text = new StringBuilder();
        text.AppendLine($"CACHED-STEPS CHECK [{spec}] (re-run after adding UnrelatedEdit.cs; {first.GeneratedSources.Length} sources on the first run, {rerun.GeneratedSources.Length} on the re-run):");
        foreach (var (name, steps) in rerun.TrackedSteps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var reasons = steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} x{g.Count()}");
            text.AppendLine($"  {name}: {steps.Length} step run(s), outputs: {string.Join(", ", reasons)}");
        }

        var failures = new List<string>();
        foreach (var required in Required)
        {
            if (!rerun.TrackedSteps.TryGetValue(required, out var steps) || steps.IsEmpty)
            {
                failures.Add($"{required}: not tracked on the re-run");
                continue;
            }

            var outputs = steps.SelectMany(s => s.Outputs).ToList();
            if (outputs.Count == 0)
            {
                failures.Add($"{required}: no outputs");
            }

            failures.AddRange(outputs.Where(o => o.Reason != IncrementalStepRunReason.Cached).Select(o => $"{required}: output {o.Reason}, expected Cached"));
        }

        if (!first.GeneratedSources.Select(s => s.HintName).SequenceEqual(rerun.GeneratedSources.Select(s => s.HintName)))
        {
            failures.Add("the re-run's generated sources differ from the first run's");
        }

        if (failures.Count > 0)
        {
            text.AppendLine("  RESULT: FAILED: " + string.Join("; ", failures));
            throw new InvalidOperationException(text.ToString());
        }

        text.Append($"  RESULT: PASSED: every {string.Join(", ", Required)} output is Cached (no parsing, no deciding, no emitting); same generated sources.");
        return text.ToString();
    }
}
