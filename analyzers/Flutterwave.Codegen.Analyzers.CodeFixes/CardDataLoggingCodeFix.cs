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
using Microsoft.CodeAnalysis.Simplification;

namespace Flutterwave.Codegen.Analyzers.CodeFixes;

/// <summary>
/// FLW0001: wraps the logged card-data member in <c>CardDataMask.Mask(...)</c> (the last four digits of a card
/// number, nothing of a CVV, PIN or expiry), or, when it is a whole argument of a console, debug or trace write,
/// offers to remove the argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CardDataLoggingCodeFix)), Shared]
public sealed class CardDataLoggingCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CardDataInLog.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            if (diagnostic.Properties.ContainsKey(CardDataLoggingAnalyzer.MaskableProperty))
            {
                var masked = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.ParseExpression("global::Flutterwave.Runtime.Annotations.CardDataMask.Mask").WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(expression.WithoutTrivia()))))
                    .WithTriviaFrom(expression);
                context.RegisterCodeFix(
                    CodeAction.Create("Mask the card data", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, masked))), equivalenceKey: "Mask"),
                    diagnostic);
            }

            // A whole trailing argument can go, unless a format string or message template among the other arguments
            // has a placeholder that would be left without a value.
            if (expression.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list && list.Arguments.Count > 1
                && list.Arguments[list.Arguments.Count - 1] == argument && !HasPlaceholder(list))
            {
                var smaller = list.WithArguments(list.Arguments.Remove(argument));
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the argument", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, smaller))), equivalenceKey: "Remove"),
                    diagnostic);
            }
        }
    }

    private static bool HasPlaceholder(ArgumentListSyntax list)
    {
        foreach (var other in list.Arguments)
        {
            if (other.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.IndexOf('{') >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
