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

namespace Flutterwave.Codegen.Analyzers.Tests.Infrastructure;

/// <summary>
/// What <see cref="FlutterwaveGenerator"/> emits for the bundled spec (namespace <c>Flutterwave</c>), generated once
/// per test run, and the references a consumer compiles against (.NET 10, the runtime, logging abstractions).
/// </summary>
internal static class BundledSpecSources
{
    private static readonly Lazy<ImmutableArray<(string HintName, SourceText Text)>> Generated = new(Generate);

    public static ImmutableArray<(string HintName, SourceText Text)> Sources => Generated.Value;

    public static ImmutableArray<MetadataReference> References { get; } = Net100.References.All.Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(Flutterwave.Runtime.RequestOptions).Assembly.Location))
        .Concat(RuntimeDependencies().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
        .ToImmutableArray();

    /// <summary>
    /// The runtime's package dependencies (Microsoft.Extensions.* for logging, DI, configuration and HTTP; Polly), copied
    /// next to it in the test output: the generated DI registration compiles against them, as in a consumer.
    /// </summary>
    private static IEnumerable<string> RuntimeDependencies()
    {
        var directory = Path.GetDirectoryName(typeof(Flutterwave.Runtime.RequestOptions).Assembly.Location)!;
        return Directory.EnumerateFiles(directory, "Microsoft.Extensions.*.dll")
            .Concat(Directory.EnumerateFiles(directory, "Polly*.dll"))
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    private static ImmutableArray<(string, SourceText)> Generate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "flutterwave-v4.yaml");
        var spec = new SpecText(path, SourceText.From(File.ReadAllText(path)));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new FlutterwaveGenerator().AsSourceGenerator() },
            new AdditionalText[] { spec },
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview),
            new SpecOptions(path));
        var compilation = CSharpCompilation.Create("Consumer", Array.Empty<SyntaxTree>(), References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = driver.RunGenerators(compilation, CancellationToken.None).GetRunResult();
        if (result.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException("The generator reported diagnostics for the bundled spec: " + string.Join("; ", result.Diagnostics));
        }

        return result.Results.Single().GeneratedSources.Select(s => ("/0/Generated/" + s.HintName, s.SourceText)).ToImmutableArray();
    }

    private sealed class SpecText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class SpecOptions(string specPath) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath
            ? new Options(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.FlutterwaveSpec"] = "true",
                ["build_metadata.AdditionalFiles.FlutterwaveNamespace"] = "Flutterwave",
                ["build_metadata.AdditionalFiles.FlutterwaveClientName"] = "FlutterwaveClient",
            })
            : GlobalOptions;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
