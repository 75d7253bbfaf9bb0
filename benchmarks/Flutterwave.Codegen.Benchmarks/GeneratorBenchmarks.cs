using System;
using System.Collections.Generic;
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
    private PrimedGenerator _generator = null!;

    /// <summary>The spec: the bundled Flutterwave v4 spec and, when ../shared is present, Adyen Checkout v71.</summary>
    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = Paths.Bundled;

    public static IEnumerable<string> Specs() => Paths.AvailableSpecKeys();

    [GlobalSetup]
    public void Setup()
    {
        // Outside the measurement: reading the file, building the compilations, priming and checking the driver.
        _generator = PrimedGenerator.Prepare(Spec, Paths.Spec(Spec));
        Console.WriteLine(_generator.CacheReport);
        SelfReported.WriteCheck(Spec, _generator.CacheReport);
    }

    /// <summary>A brand-new driver: nothing cached, so the spec is parsed, modelled and emitted.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver ColdRun() => _generator.ColdRun();

    /// <summary>
    /// The driver after its first run (drivers are immutable, so every call starts from the same primed state),
    /// run again on the compilation with one unrelated syntax tree added.
    /// </summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _generator.Rerun();
}
