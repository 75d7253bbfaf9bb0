using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.IdempotencyKeyAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

/// <summary>
/// Every POST of the bundled spec, whatever the spec grows to, is covered by the analyzers without analyzer code
/// of its own: each carries the idempotency header the Flutterwave conventions give it, and FLW0003 fires on each
/// called without a key (auto-paging methods aside: each page gets its own key).
/// </summary>
public sealed class GeneratedOperationCoverageTests
{
    [Fact]
    public async Task EveryBundledPost_TakesAnIdempotencyKey_AndFLW0003FiresWhenItIsCalledWithoutOne()
    {
        var posts = BundledPosts();
        Assert.True(posts.Count >= 8, $"only {posts.Count} POST operations were found");
        Assert.All(posts, p => Assert.True(
            p.Method.GetAttributes().Any(a => a.AttributeClass?.Name == "OptionHeaderAttribute"
                && a.ConstructorArguments.Length == 2 && (string?)a.ConstructorArguments[0].Value == "IdempotencyKey" && (string?)a.ConstructorArguments[1].Value == "X-Idempotency-Key"),
            $"{p.Method.ContainingType.Name}.{p.Method.Name} takes no X-Idempotency-Key"));

        var source = new StringBuilder("using System.Threading.Tasks;\nusing Flutterwave;\nusing Flutterwave.Runtime;\nclass C\n{\n    async Task M(FlutterwaveClient client)\n    {\n");
        var expected = new List<DiagnosticResult>();
        for (var i = 0; i < posts.Count; i++)
        {
            var (path, method) = posts[i];
            var arguments = string.Join(", ", method.Parameters.Where(p => !p.HasExplicitDefaultValue).Select(_ => "default!"));
            source.Append("        await {|#").Append(i).Append(':').Append(path).Append('.').Append(method.Name).Append('(').Append(arguments).Append(")|};\n");
            expected.Add(V.Diagnostic().WithLocation(i).WithArguments(method.Name));
        }

        source.Append("    }\n}\n");
        await V.AnalyzerAsync(source.ToString(), expected.ToArray());
    }

    /// <summary>Each generated POST method, with the expression that reaches it from a <c>FlutterwaveClient</c> named <c>client</c>.</summary>
    private static List<(string Path, IMethodSymbol Method)> BundledPosts()
    {
        var compilation = CSharpCompilation.Create(
            "Bundled",
            BundledSpecSources.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Preview), s.HintName)),
            BundledSpecSources.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var root = compilation.GetTypeByMetadataName("Flutterwave.FlutterwaveClient")!;
        var clients = new List<(string Path, INamedTypeSymbol Type)> { ("client", root) };
        clients.AddRange(root.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && p.Type is INamedTypeSymbol { Name: var name } && name.EndsWith("Client", System.StringComparison.Ordinal))
            .Select(p => ("client." + p.Name, (INamedTypeSymbol)p.Type)));

        return clients
            .SelectMany(c => c.Type.GetMembers().OfType<IMethodSymbol>().Select(m => (c.Path, Method: m)))
            .Where(x => x.Method.GetAttributes().Any(a => a.AttributeClass?.Name == "ApiOperationAttribute" && (string?)a.ConstructorArguments[0].Value == "POST"))

            // An auto-pager sends one request per page, each with its own key: it takes none (and is no POST of its own).
            .Where(x => !x.Method.Name.EndsWith("AutoPagingAsync", System.StringComparison.Ordinal))
            .ToList();
    }
}
