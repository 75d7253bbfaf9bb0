using System;
using System.IO;
using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// The generated code for a small spec covering models, enums, composition and a client, compared file by file with
/// the baselines under <c>Baselines/features</c>. After an intended change, run the tests with
/// <c>FLW_ACCEPT_BASELINES=1</c> and review the diff of the baselines like any other code change.
/// </summary>
public sealed class GoldenFileTests
{
    [Fact]
    public void FeaturesSpec_MatchesBaselines()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("Specs/features.yaml", GeneratorHarness.Read("Specs/features.yaml"), "Features.Api", "FeaturesClient") });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));

        var directory = Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "Flutterwave.Codegen.Generator.Tests", "Baselines", "features");
        var generated = run.Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()));
        if (Environment.GetEnvironmentVariable("FLW_ACCEPT_BASELINES") == "1")
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.GetFiles(directory, "*.g.cs"))
            {
                File.Delete(stale);
            }

            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }
        }

        var expected = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.g.cs").ToDictionary(f => Path.GetFileName(f)!, f => Normalize(File.ReadAllText(f)))
            : new();
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), generated.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, text) in generated)
        {
            Assert.True(expected[name] == text, $"{name} differs from its baseline; run with FLW_ACCEPT_BASELINES=1 to accept.\n{FirstDifference(expected[name], text)}");
        }
    }

    // The version in [GeneratedCode] changes with every release; the baselines should not.
    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n").Replace(Emitting.GeneratorVersion.Value, "VERSION");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return "(no line differs)";
    }
}
