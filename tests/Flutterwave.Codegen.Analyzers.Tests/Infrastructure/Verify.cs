using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flutterwave.Codegen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing set up for this repository: .NET 10 references from Basic.Reference.Assemblies
/// (nothing downloaded), the runtime, and the generated code for the bundled spec beside each test's source.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>Runs the analyzer over <paramref name="source"/> and expects exactly <paramref name="expected"/>.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, System.Array.Empty<Microsoft.CodeAnalysis.MetadataReference>(), expected);

    /// <summary>As above, compiling against <paramref name="extraReferences"/> too.</summary>
    public static Task AnalyzerAsync(string source, System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.MetadataReference> extraReferences, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test, test.TestState, source);
        test.TestState.AdditionalReferences.AddRange(extraReferences);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/> for a program of top-level statements (an executable).</summary>
    public static Task ProgramAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test, test.TestState, source);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs the analyzer and <typeparamref name="TCodeFix"/>; the fixed code must equal <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new() => CodeFixAsync<TCodeFix>(source, fixedSource, expected, System.Array.Empty<DiagnosticResult>());

    /// <summary>As above, with the diagnostics the fixed code still has (those no fix applies to).</summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[] remaining)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>();
        Configure(test, test.TestState, source);
        test.FixedState.Sources.Add(fixedSource);
        foreach (var (hintName, text) in BundledSpecSources.Sources)
        {
            test.FixedState.Sources.Add((hintName, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync(CancellationToken.None);
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, SolutionState state, string source)
    {
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(BundledSpecSources.References);
        state.Sources.Add(source);
        foreach (var (hintName, text) in BundledSpecSources.Sources)
        {
            state.Sources.Add((hintName, text));
        }
    }
}
