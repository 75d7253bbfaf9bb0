using System.IO;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// One spec ready for the in-process generator benchmarks: its text and compilations read outside the measurement, a
/// driver primed by a first run, and the cached-steps check of a re-run after an unrelated edit already done.
/// </summary>
internal sealed class PrimedGenerator
{
    private readonly BenchSpec _spec;
    private readonly string _text;
    private readonly Compilation _compilation;
    private readonly Compilation _edited;
    private readonly GeneratorDriver _primed;

    private PrimedGenerator(BenchSpec spec, string text, Compilation compilation, Compilation edited, GeneratorDriver primed, string report, int sources)
    {
        _spec = spec;
        _text = text;
        _compilation = compilation;
        _edited = edited;
        _primed = primed;
        CacheReport = report;
        GeneratedFiles = sources;
        YamlBytes = text.Length;
    }

    /// <summary>The <see cref="CacheCheck"/> report (it threw if a step re-ran).</summary>
    public string CacheReport { get; }

    public int GeneratedFiles { get; }

    public int YamlBytes { get; }

    public static PrimedGenerator Prepare(string name, BenchSpec spec)
    {
        var text = File.ReadAllText(spec.Path);
        var compilation = GeneratorRunner.CreateCompilation();
        var edited = GeneratorRunner.WithUnrelatedEdit(compilation);
        var primed = GeneratorRunner.CreateDriver(spec.Path, text, spec.Namespace, spec.ClientName).RunGenerators(compilation);
        var first = GeneratorRunner.CheckProducedSources(primed, $"{name}: first run");

        // The exact call Rerun() measures, once, to check what it does.
        var second = GeneratorRunner.CheckProducedSources(primed.RunGenerators(edited), $"{name}: re-run");
        return new PrimedGenerator(spec, text, compilation, edited, primed, CacheCheck.Verify(name, second, first), first.GeneratedSources.Length);
    }

    /// <summary>A brand-new driver: nothing cached, so the spec is parsed, modelled and emitted.</summary>
    public GeneratorDriver ColdRun() =>
        GeneratorRunner.CreateDriver(_spec.Path, _text, _spec.Namespace, _spec.ClientName).RunGenerators(_compilation);

    /// <summary>The primed driver (immutable: every call starts from the same state) run on the edited compilation.</summary>
    public GeneratorDriver Rerun() => _primed.RunGenerators(_edited);
}
