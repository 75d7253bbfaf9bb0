using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flutterwave.Codegen.Tests.Infrastructure;

/// <summary>A spec handed to the generator as an AdditionalFile with FlutterwaveSpec metadata.</summary>
/// <param name="Conventions">The item's Conventions metadata (auto, flutterwave, none), or null for none set.</param>
internal sealed record SpecFile(string Path, string? Text, string? Namespace = null, string? ClientName = null, bool IsSpec = true, string? Conventions = null);

/// <summary>The outcome of one generator run over a compilation.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    public IEnumerable<Diagnostic> Errors => CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IReadOnlyList<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
}

/// <summary>Runs <see cref="FlutterwaveGenerator"/> in-process the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static readonly string RuntimePath = typeof(Flutterwave.Runtime.RequestOptions).Assembly.Location;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(RuntimePath))
            .Concat(RuntimeDependencies().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
            .ToImmutableArray());

    /// <summary>The runtime's package dependencies (Microsoft.Extensions.*, Polly), copied next to it in the test output.</summary>
    private static IEnumerable<string> RuntimeDependencies()
    {
        var directory = System.IO.Path.GetDirectoryName(RuntimePath)!;
        return System.IO.Directory.EnumerateFiles(directory, "Microsoft.Extensions.*.dll")
            .Concat(System.IO.Directory.EnumerateFiles(directory, "Polly*.dll"))
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview), path: $"Consumer{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Default));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, string? rootNamespace = null, bool trackSteps = true) =>
        CreateDriver(specs, out _, rootNamespace, trackSteps);

    /// <summary>Creates a driver and hands back the additional texts it holds (to replace one later).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, out ImmutableArray<AdditionalText> texts, string? rootNamespace = null, bool trackSteps = true)
    {
        texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(specs.ToDictionary(s => s.Path, s => s), rootNamespace);
        return CSharpGeneratorDriver.Create(
            new[] { new FlutterwaveGenerator().AsSourceGenerator() },
            texts,
            (CSharpParseOptions)CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static GeneratorRun Run(IEnumerable<SpecFile> specs, params string[] sources) => Run(CreateDriver(specs), CreateCompilation(sources));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, CancellationToken.None);
        var result = driver.GetRunResult();
        return new GeneratorRun(driver, result, output, generatorDiagnostics, output.GetDiagnostics());
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath));

    public static SpecFile BundledSpec() => new("spec/flutterwave-v4.yaml", Read("Specs/bundled/flutterwave-v4.yaml"), "Flutterwave", "FlutterwaveClient");

    /// <summary>The folder of real-world specs beside the checkout (../shared/corpus), or null when it is absent.</summary>
    public static string? CorpusDirectory()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus"));
        return Directory.Exists(corpus) ? corpus : null;
    }

    /// <summary>The checkout's root: the folder above the test binaries that holds Flutterwave.Codegen.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flutterwave.Codegen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Flutterwave.Codegen.sln) is not above " + AppContext.BaseDirectory);
    }

    private sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
    {
        // A null text is what the compiler hands over for a file that does not exist.
        private readonly SourceText? _text = text is null ? null : SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(Dictionary<string, SpecFile> specs, string? rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(rootNamespace is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            if (!specs.TryGetValue(textFile.Path, out var spec) || !spec.IsSpec)
            {
                return DictionaryOptions.Empty;
            }

            var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.FlutterwaveSpec"] = "true" };
            if (spec.Namespace is not null)
            {
                values["build_metadata.AdditionalFiles.FlutterwaveNamespace"] = spec.Namespace;
            }

            if (spec.ClientName is not null)
            {
                values["build_metadata.AdditionalFiles.FlutterwaveClientName"] = spec.ClientName;
            }

            if (spec.Conventions is not null)
            {
                values["build_metadata.AdditionalFiles.FlutterwaveConventions"] = spec.Conventions;
            }

            return new DictionaryOptions(values);
        }
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
