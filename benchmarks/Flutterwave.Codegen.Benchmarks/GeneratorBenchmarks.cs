using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The generator in-process, as the compiler drives it. <see cref="ColdRun"/>: a brand-new driver over the spec
/// (parse, model, emit). <see cref="RerunAfterUnrelatedEdit"/>: a driver that has already run, run again on a
/// compilation with one more, unrelated C# file; the set-up asserts that no parse or emit step re-runs.
/// </summary>
[MemoryDiagnoser]
[GeneratorJob]
public class GeneratorBenchmarks
{
    private BenchSpec _spec = null!;
    private string _text = null!;
    private Compilation _compilation = null!;
    private Compilation _edited = null!;
    private GeneratorDriver _primed = null!;

    /// <summary>The spec: the bundled Flutterwave v4 spec and, when ../shared is present, Adyen Checkout v71.</summary>
    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = Paths.Bundled;

    public static IEnumerable<string> Specs() => Paths.AvailableSpecKeys();

    [GlobalSetup]
    public void Setup()
    {
        // Outside the measurement: reading the file and building the compilations.
        _spec = Paths.Spec(Spec);
        _text = File.ReadAllText(_spec.Path);
        _compilation = GeneratorRunner.CreateCompilation();
        _edited = GeneratorRunner.WithUnrelatedEdit(_compilation);

        _primed = GeneratorRunner.CreateDriver(_spec.Path, _text, _spec.Namespace, _spec.ClientName).RunGenerators(_compilation);
        var first = GeneratorRunner.CheckProducedSources(_primed, $"{Spec}: first run");

        // The exact call RerunAfterUnrelatedEdit measures, once, to check what it does.
        var rerun = _primed.RunGenerators(_edited);
        var second = GeneratorRunner.CheckProducedSources(rerun, $"{Spec}: re-run");
        var report = CacheCheck.Verify(Spec, second, first);
        Console.WriteLine(report);
        SelfReported.WriteCheck(Spec, report);
    }

    /// <summary>A brand-new driver: nothing cached, so the spec is parsed, modelled and emitted.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver ColdRun() =>
        GeneratorRunner.CreateDriver(_spec.Path, _text, _spec.Namespace, _spec.ClientName).RunGenerators(_compilation);

    /// <summary>
    /// The driver after its first run (drivers are immutable, so every call starts from the same primed state),
    /// run again on the compilation with one unrelated syntax tree added.
    /// </summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _primed.RunGenerators(_edited);
}
