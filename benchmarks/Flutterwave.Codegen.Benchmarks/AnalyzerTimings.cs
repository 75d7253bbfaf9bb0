using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// <c>--analyzer-timings</c>: in one process, over the same <see cref="AnalyzerWorkload"/>, the compile time of a fresh
/// clone (bind and emit) and the analyzers' own execution time as Roslyn's telemetry reports it
/// (<c>logAnalyzerExecutionTime</c>), per analyzer, after warm-up; medians of the measured rounds.
/// </summary>
internal static class AnalyzerTimings
{
    private const int WarmupRounds = 3;
    private const int MeasuredRounds = 7;

    public static int Run()
    {
        var inv = CultureInfo.InvariantCulture;
        var workload = AnalyzerWorkload.Create();
        Console.WriteLine($"// Consumer: {AnalyzerWorkload.FileCount} service files + {workload.GeneratedFiles} generated files, {Environment.ProcessorCount} cores");

        var compile = new List<double>();
        var analyzerTotal = new List<double>();
        var analyzerWall = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        for (var round = 0; round < WarmupRounds + MeasuredRounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            using (var stream = new MemoryStream())
            {
                if (!workload.Compilation.Clone().Emit(stream).Success)
                {
                    throw new InvalidOperationException("The benchmark consumer failed to emit.");
                }
            }

            var compileMs = stopwatch.Elapsed.TotalMilliseconds;

            var withAnalyzers = workload.Compilation.Clone().WithAnalyzers(AnalyzerWorkload.Analyzers(), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(default), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            stopwatch.Restart();
            var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            var wallMs = stopwatch.Elapsed.TotalMilliseconds;
            if (result.GetAllDiagnostics().Length != 0)
            {
                throw new InvalidOperationException("The clean consumer raised diagnostics: " + string.Join("; ", result.GetAllDiagnostics().Take(3)));
            }

            if (round < WarmupRounds)
            {
                continue;
            }

            compile.Add(compileMs);
            analyzerWall.Add(wallMs);
            var total = 0.0;
            foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
            {
                var ms = telemetry.ExecutionTime.TotalMilliseconds;
                total += ms;
                var name = analyzer.GetType().Name;
                if (!perAnalyzer.TryGetValue(name, out var list))
                {
                    perAnalyzer[name] = list = new List<double>();
                }

                list.Add(ms);
            }

            analyzerTotal.Add(total);
        }

        Console.WriteLine($"// Compile (bind + emit of a fresh clone), median of {MeasuredRounds}: {Median(compile).ToString("F1", inv)} ms");
        foreach (var (name, values) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
        {
            Console.WriteLine($"//   {name,-28} {Median(values).ToString("F2", inv),8} ms");
        }

        var ratio = Median(analyzerTotal) / Median(compile);
        Console.WriteLine($"// Analyzers' execution time (telemetry, all {AnalyzerWorkload.Analyzers().Length}): {Median(analyzerTotal).ToString("F1", inv)} ms = {(ratio * 100).ToString("F2", inv)}% of compile time");
        Console.WriteLine($"// (Wall time of the analysis pass, which also binds every method body the analyzers look at: {Median(analyzerWall).ToString("F1", inv)} ms)");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
