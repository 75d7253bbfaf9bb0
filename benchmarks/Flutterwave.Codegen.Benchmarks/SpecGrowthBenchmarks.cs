using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The bundled spec's growth (issue 13: 22 operations to the whole v4 API), as ratios in one run: the generator's cold
/// run and its edit loop (a re-run after an unrelated C# edit) on the grown spec, against the same on the 22-operation
/// spec it grew from (kept in <c>Specs/flutterwave-v4-22-operations.yaml</c>). The set-up checks that both edit loops
/// stay at zero re-parses and zero re-emits.
/// </summary>
[MemoryDiagnoser]
[GeneratorJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SpecGrowthBenchmarks
{
    private const string Cold = "ColdRun";
    private const string EditLoop = "EditLoop";

    private PrimedGenerator _previous = null!;
    private PrimedGenerator _grown = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bundled = Paths.Spec(Paths.Bundled);
        _previous = Prepare("flutterwave-v4 (22 operations)", bundled with { Path = Path.Combine(Paths.BenchmarksDirectory, "Flutterwave.Codegen.Benchmarks", "Specs", "flutterwave-v4-22-operations.yaml") });
        _grown = Prepare("flutterwave-v4 (bundled)", bundled);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Cold)]
    public GeneratorDriver ColdRunPrevious() => _previous.ColdRun();

    [Benchmark, BenchmarkCategory(Cold)]
    public GeneratorDriver ColdRunGrown() => _grown.ColdRun();

    [Benchmark(Baseline = true), BenchmarkCategory(EditLoop)]
    public GeneratorDriver EditLoopPrevious() => _previous.Rerun();

    [Benchmark, BenchmarkCategory(EditLoop)]
    public GeneratorDriver EditLoopGrown() => _grown.Rerun();

    private static PrimedGenerator Prepare(string name, BenchSpec spec)
    {
        var generator = PrimedGenerator.Prepare(name, spec);
        Console.WriteLine($"// {name}: {generator.YamlBytes / 1024} KiB of YAML, {generator.GeneratedFiles} generated files");
        Console.WriteLine(generator.CacheReport);
        return generator;
    }
}
