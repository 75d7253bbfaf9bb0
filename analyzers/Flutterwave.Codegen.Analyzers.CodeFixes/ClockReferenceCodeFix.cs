using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers;
using Flutterwave.Codegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flutterwave.Codegen.Analyzers.CodeFixes;

/// <summary>
/// FLW0006: replaces a clock-built reference with a GUID-based one (<c>Guid.NewGuid().ToString("N")</c>), keeping
/// the constant text it started with when that still fits the spec's length.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClockReferenceCodeFix)), Shared]
public sealed class ClockReferenceCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReferenceFromClock.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(ClockReferenceAnalyzer.PrefixProperty, out var prefix);
            var replacement = string.IsNullOrEmpty(prefix) ? GuidExpressions.NewGuidText() : GuidExpressions.PrefixedNewGuid(prefix!);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use a GUID-based value",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, replacement.WithTriviaFrom(value)))),
                    equivalenceKey: nameof(ClockReferenceCodeFix)),
                diagnostic);
        }
    }
}
