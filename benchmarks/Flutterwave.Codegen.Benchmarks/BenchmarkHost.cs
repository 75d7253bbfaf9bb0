using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite, then, when generator or process benchmarks ran, prints the self-reported durations,
/// the cached-steps checks and the ratios.
/// </summary>
internal static class BenchmarkHost
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        Console.WriteLine($"// Repository root: {Paths.RepoRoot}");
        Console.WriteLine($"// Artifacts: {Paths.ArtifactsDirectory}");
        Console.WriteLine(Paths.AdyenSkipReason is { } skip ? "// " + skip : $"// Specs: {string.Join(", ", Paths.AvailableSpecKeys().Select(k => Paths.Spec(k).Path))}");
        Console.WriteLine($"// NSwag command line: {Paths.NSwagDll()}");

        // The benchmark processes BenchmarkDotNet starts inherit these: they find this (runnable) DLL for
        // --oneshot and write the self-reported durations where this process reads them back.
        Environment.SetEnvironmentVariable(Paths.SelfDllVariable, typeof(BenchmarkHost).Assembly.Location);
        // One folder per run, so nothing from an earlier run is read back.
        var results = Path.Combine(Paths.ArtifactsDirectory, "self-reported", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", Inv));
        Environment.SetEnvironmentVariable(Paths.ResultsVariable, results);

        var config = DefaultConfig.Instance.WithArtifactsPath(Paths.ArtifactsDirectory);
        var summaries = BenchmarkSwitcher
            .FromTypes(new[]
            {
                typeof(GeneratorBenchmarks), typeof(ProcessBenchmarks), typeof(ChargeSerializationBenchmarks),
                typeof(EncryptionBenchmarks), typeof(ClientCallBenchmarks), typeof(AnalyzerBenchmarks), typeof(SandboxLoadBenchmarks),
                typeof(SpecGrowthBenchmarks),
            })
            .Run(args, config)
            .ToList();

        // The generator report is about GeneratorBenchmarks and ProcessBenchmarks; runs of the runtime benchmarks alone skip it.
        if (summaries.Any(s => s.Reports.Any(r => r.BenchmarkCase.Descriptor.Type == typeof(GeneratorBenchmarks) || r.BenchmarkCase.Descriptor.Type == typeof(ProcessBenchmarks))))
        {
            PrintReport(summaries);
        }

        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static void PrintReport(IReadOnlyList<Summary> summaries)
    {
        var means = new Dictionary<(string Method, string Spec), double>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is { } stats && report.BenchmarkCase.Parameters["Spec"] is string spec)
            {
                means[(report.BenchmarkCase.Descriptor.WorkloadMethod.Name, spec)] = stats.Mean;
            }
        }

        Console.WriteLine();
        Console.WriteLine("// ===== Flutterwave.Codegen benchmark report =====");
        if (Paths.AdyenSkipReason is { } skip)
        {
            Console.WriteLine("// " + skip);
        }

        foreach (var spec in Paths.AvailableSpecKeys())
        {
            Console.WriteLine();
            Console.WriteLine($"// --- {spec} ---");
            if (SelfReported.ReadCheck(spec) is { } check)
            {
                Console.WriteLine(check);
            }

            var nswag = SelfReported.ReadDurations("nswag", spec);
            var oneShot = SelfReported.ReadDurations("oneshot", spec);
            var oneShotWarm = SelfReported.ReadDurations("oneshot-warm-roslyn", spec);
            PrintDurations("NSwag self-reported Duration", nswag);
            PrintDurations("One-shot self-reported Duration", oneShot);
            PrintDurations("One-shot (Roslyn driver warmed first) self-reported Duration", oneShotWarm);

            double? Mean(string method) => means.TryGetValue((method, spec), out var ns) ? ns / 1e6 : null;
            var cold = Mean(nameof(GeneratorBenchmarks.ColdRun));
            var rerun = Mean(nameof(GeneratorBenchmarks.RerunAfterUnrelatedEdit));
            var nswagWall = Mean(nameof(ProcessBenchmarks.NSwagProcess));
            var oneShotWall = Mean(nameof(ProcessBenchmarks.FlutterwaveOneShotProcess));
            var nswagSelfMean = nswag.Count > 0 ? nswag.Average(d => d.SelfReported.TotalMilliseconds) : (double?)null;
            var nswagSelfMedian = nswag.Count > 0 ? SelfReported.Median(nswag.Select(d => d.SelfReported.TotalMilliseconds)) : (double?)null;
            var oneShotSelfMean = oneShot.Count > 0 ? oneShot.Average(d => d.SelfReported.TotalMilliseconds) : (double?)null;
            var oneShotSelfMedian = oneShot.Count > 0 ? SelfReported.Median(oneShot.Select(d => d.SelfReported.TotalMilliseconds)) : (double?)null;
            var warmSelfMean = oneShotWarm.Count > 0 ? oneShotWarm.Average(d => d.SelfReported.TotalMilliseconds) : (double?)null;
            var warmSelfMedian = oneShotWarm.Count > 0 ? SelfReported.Median(oneShotWarm.Select(d => d.SelfReported.TotalMilliseconds)) : (double?)null;

            Console.WriteLine("Ratios (ms / ms; 'n/a' where a benchmark did not run in this invocation):");
            Ratio("RerunAfterUnrelatedEdit mean / ColdRun mean (both in-process, BenchmarkDotNet)", rerun, cold);
            Ratio("ColdRun mean (in-process, JIT warm) / NSwag self-reported Duration mean (fresh process, JIT cold)", cold, nswagSelfMean);
            Ratio("ColdRun mean (in-process, JIT warm) / NSwag self-reported Duration median", cold, nswagSelfMedian);
            Ratio("One-shot self-reported Duration mean / NSwag self-reported Duration mean (both fresh process, JIT cold)", oneShotSelfMean, nswagSelfMean);
            Ratio("One-shot self-reported Duration median / NSwag self-reported Duration median", oneShotSelfMedian, nswagSelfMedian);
            Ratio("One-shot with Roslyn warmed, self-reported mean / NSwag self-reported mean (generator JIT cold, compiler warm)", warmSelfMean, nswagSelfMean);
            Ratio("One-shot with Roslyn warmed, self-reported median / NSwag self-reported median", warmSelfMedian, nswagSelfMedian);
            Ratio("FlutterwaveOneShotProcess mean / NSwagProcess mean (process wall time, BenchmarkDotNet)", oneShotWall, nswagWall);
        }

        Console.WriteLine();
        Console.WriteLine($"// Self-reported values are every invocation BenchmarkDotNet made (jitting, warm-up and measured iterations), in call order; raw files: {Paths.ResultsDirectory}");
    }

    private static void PrintDurations(string what, IReadOnlyList<(TimeSpan SelfReported, TimeSpan Wall)> values)
    {
        if (values.Count == 0)
        {
            Console.WriteLine($"{what}: n/a (not run)");
            return;
        }

        var ms = values.Select(v => v.SelfReported.TotalMilliseconds).ToList();
        Console.WriteLine(string.Create(Inv,
            $"{what}: n={ms.Count}, mean={ms.Average()} ms, median={SelfReported.Median(ms)} ms, min={ms.Min()} ms, max={ms.Max()} ms"));
        Console.WriteLine("    values (ms): " + string.Join(", ", ms.Select(v => v.ToString(Inv))));
        Console.WriteLine("    wall per call measured around Process.Start..exit (ms): " + string.Join(", ", values.Select(v => v.Wall.TotalMilliseconds.ToString(Inv))));
    }

    private static void Ratio(string what, double? numerator, double? denominator)
    {
        Console.WriteLine(numerator is { } n && denominator is { } d && d != 0
            ? string.Create(Inv, $"  {what}: {n} / {d} = {n / d}")
            : $"  {what}: n/a");
    }
}
