using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Flutterwave.Codegen.Analyzers.Tests;

/// <summary>Every analyzer diagnostic has a help link to its page, the page exists, and release tracking lists it.</summary>
public sealed class DescriptorTests
{
    [Fact]
    public void EveryDescriptor_HasHelpLinkPageAndReleaseEntry_AndIdsAreInSequence()
    {
        var root = RepositoryRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "analyzers", "Flutterwave.Codegen.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var ids = DiagnosticDescriptors.ById.Keys.OrderBy(id => id, StringComparer.Ordinal).ToList();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"FLW{i:0000}"), ids);
        foreach (var descriptor in DiagnosticDescriptors.ById.Values)
        {
            Assert.Equal($"https://github.com/flutterwave-codegen/flutterwave-codegen/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(root, "docs", "rules", descriptor.Id + ".md")), descriptor.Id + " has no docs/rules page");
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryAnalyzer_IsSealedAndSupportsOneDescriptorFromTheCatalogue()
    {
        var analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        Assert.Equal(DiagnosticDescriptors.ById.Count, analyzers.Count);
        foreach (var type in analyzers)
        {
            Assert.True(type.IsSealed, type.Name);
            var analyzer = (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.Same(DiagnosticDescriptors.ById[d.Id], d));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flutterwave.Codegen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Flutterwave.Codegen.sln not found above " + AppContext.BaseDirectory);
    }
}
