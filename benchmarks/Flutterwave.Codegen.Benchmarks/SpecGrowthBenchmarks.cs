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

    private Run _previous = null!;
    private Run _grown = null!;

    [GlobalSetup]
    public void Setup()
    {
        _previous = Run.Prepare("flutterwave-v4 (22 operations)", Path.Combine(Paths.BenchmarksDirectory, "Flutterwave.Codegen.Benchmarks", "Specs", "flutterwave-v4-22-operations.yaml"));
        _grown = Run.Prepare("flutterwave-v4 (bundled)", Paths.Spec(Paths.Bundled).Path);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Cold)]
    public GeneratorDriver ColdRunPrevious() => _previous.Cold();

    [Benchmark, BenchmarkCategory(Cold)]
    public GeneratorDriver ColdRunGrown() => _grown.Cold();

    [Benchmark(Baseline = true), BenchmarkCategory(EditLoop)]
    public GeneratorDriver EditLoopPrevious() => _previous.Rerun();

    [Benchmark, BenchmarkCategory(EditLoop)]
    public GeneratorDriver EditLoopGrown() => _grown.Rerun();

    /// <summary>One spec, with its compilations and a primed driver.</summary>
    private sealed class Run
    {
        private readonly string _path;
        private readonly string _text;
        private readonly Compilation _compilation;
        private readonly Compilation _edited;
        private readonly GeneratorDriver _primed;

        private Run(string path, string text, Compilation compilation, Compilation edited, GeneratorDriver primed)
        {
            _path = path;
            _text = text;
            _compilation = compilation;
            _edited = edited;
            _primed = primed;
        }

        public static Run Prepare(string name, string path)
        {
            var text = File.ReadAllText(path);
            var compilation = GeneratorRunner.CreateCompilation();
            var edited = GeneratorRunner.WithUnrelatedEdit(compilation);
            var primed = GeneratorRunner.CreateDriver(path, text, "Flutterwave", "FlutterwaveClient").RunGenerators(compilation);
            var first = GeneratorRunner.CheckProducedSources(primed, $"{name}: first run");
            var second = GeneratorRunner.CheckProducedSources(primed.RunGenerators(edited), $"{name}: re-run");
            Console.WriteLine($"// {name}: {text.Length / 1024} KiB of YAML, {first.GeneratedSources.Length} generated files");
            Console.WriteLine(CacheCheck.Verify(name, second, first));
            return new Run(path, text, compilation, edited, primed);
        }

        public GeneratorDriver Cold() => GeneratorRunner.CreateDriver(_path, _text, "Flutterwave", "FlutterwaveClient").RunGenerators(_compilation);

        public GeneratorDriver Rerun() => _primed.RunGenerators(_edited);
    }
}
