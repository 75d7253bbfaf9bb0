using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>Drives <see cref="FlutterwaveGenerator"/> in-process the way the compiler does (as the generator tests do).</summary>
internal static class GeneratorRunner
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>
    /// A small consumer compilation. It has no metadata references: the generator reads only AdditionalFiles and
    /// analyzer-config options, never the compilation's symbols, so references would not change its work.
    /// </summary>
    public static CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer;\n\npublic static class Entry\n{\n    public static int Answer() => 42;\n}\n", ParseOptions, path: "Consumer0.cs") },
            Array.Empty<MetadataReference>(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The "unrelated edit": one more C# file that has nothing to do with the spec.</summary>
    public static Compilation WithUnrelatedEdit(Compilation compilation) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer;\n\ninternal sealed class UnrelatedEdit\n{\n    public string Name { get; set; } = \"edited\";\n}\n",
            ParseOptions,
            path: "UnrelatedEdit.cs"));

    /// <summary>A brand-new driver holding the spec as an in-memory AdditionalFile with FlutterwaveSpec metadata.</summary>
    public static GeneratorDriver CreateDriver(string specPath, string specText, string ns, string clientName) =>
        CSharpGeneratorDriver.Create(
            new[] { new FlutterwaveGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(specPath, SourceText.From(specText))),
            ParseOptions,
            new SpecOptionsProvider(specPath, ns, clientName),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs a no-op incremental generator (AdditionalTexts, Select, SourceOutput, AddSource: the machinery the real one
    /// uses) over a compilation, so Roslyn's own driver code is JIT-compiled, as it is in a compiler that is already running.
    /// </summary>
    public static void WarmRoslyn()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NoOpGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("warm.txt", SourceText.From("warm"))),
            ParseOptions,
            new SpecOptionsProvider("other.yaml", "Warm", "WarmClient"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(CreateCompilation());
        _ = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();
    }

    private sealed class NoOpGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var texts = context.AdditionalTextsProvider.Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, cancellationToken) => pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty)
                .WithTrackingName("Warm");
            context.RegisterSourceOutput(texts.Collect(), static (production, all) =>
                production.AddSource("Warm.g.cs", SourceText.From("// " + all.Length, System.Text.Encoding.UTF8)));
        }
    }

    /// <summary>Throws unless the run produced sources and no error diagnostics.</summary>
    public static GeneratorRunResult CheckProducedSources(GeneratorDriver driver, string what)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{what}: the generator threw", result.Exception);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (result.GeneratedSources.IsEmpty || errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"{what}: {result.GeneratedSources.Length} generated sources, {errors.Count} errors: {string.Join("; ", errors.Take(5))}");
        }

        return result;
    }

    private sealed class InMemoryAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class SpecOptionsProvider(string specPath, string ns, string clientName) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _spec = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.FlutterwaveSpec"] = "true",
            ["build_metadata.AdditionalFiles.FlutterwaveNamespace"] = ns,
            ["build_metadata.AdditionalFiles.FlutterwaveClientName"] = clientName,
        });

        public override AnalyzerConfigOptions GlobalOptions => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path == specPath ? _spec : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
