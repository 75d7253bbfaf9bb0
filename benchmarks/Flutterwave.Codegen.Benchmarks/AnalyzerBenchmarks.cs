using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The FLW00xx analyzers' cost on a 500-file consumer of the generated client (see <see cref="AnalyzerWorkload"/>).
/// <c>Compile</c> (the baseline) reports the compiler's diagnostics for a fresh clone of the compilation and emits it;
/// <c>CompileWithAnalyzers</c> reports the compiler's and every analyzer's diagnostics from one analysis (so methods
/// are bound once, as in <c>dotnet build</c>) and emits the same compilation. The Ratio column is what the analyzers
/// add. Parsing happens once, in setup, for both.
/// </summary>
[AnalyzerJob]
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private AnalyzerWorkload _workload = null!;

    [GlobalSetup]
    public void Setup() => _workload = AnalyzerWorkload.Create();

    [Benchmark(Baseline = true)]
    public bool Compile()
    {
        var compilation = _workload.Compilation.Clone();
        var diagnostics = compilation.GetDiagnostics();
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Success && diagnostics.Length >= 0;
    }

    [Benchmark]
    public bool CompileWithAnalyzers()
    {
        var compilation = _workload.Compilation.Clone();
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerWorkload.Analyzers(), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(default), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var stream = new MemoryStream();
        return withAnalyzers.Compilation.Emit(stream).Success && diagnostics.Length >= 0;
    }
}
