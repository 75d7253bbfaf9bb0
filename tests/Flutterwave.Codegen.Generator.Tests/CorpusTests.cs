using System.Collections.Generic;
using System.IO;
using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>Real payment-API specs nobody on this project wrote: the generated code must compile cleanly.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> CorpusFiles() => new()
    {
        "adyen-checkout-v70.yaml",
        "adyen-checkout-v71.yaml",
        "paypal-checkout-orders-v2.json",
        "paypal-payments-v2.json",
        "flutterwave-v4-charges.yaml",
        "flutterwave-v4-payment-methods.yaml",
    };

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusSpec_GeneratesCodeThatCompilesWithoutWarnings(string file)
    {
        var corpus = GeneratorHarness.CorpusDirectory();
        Skip.If(corpus is null, "../shared/corpus is not beside this checkout, so the real-world specs are not available.");
        var path = Path.Combine(corpus!, file);
        Skip.IfNot(File.Exists(path), $"{file} is not in ../shared/corpus.");

        var run = GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path), "Corpus.Api", "CorpusClient") });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var generatedProblems = run.CompilationDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(generatedProblems.Count == 0, string.Join("\n", generatedProblems.Take(40)));
        Assert.Contains(run.HintNames, h => h == "Corpus.Api.CorpusClient.g.cs");
        Assert.True(run.HintNames.Count > 20, $"only {run.HintNames.Count} files were generated");
    }
}
