using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers;
using Flutterwave.Codegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Flutterwave.Codegen.Analyzers.CodeFixes;

/// <summary>
/// FLW0003: passes <c>RequestOptions</c> with an <c>IdempotencyKey</c>. The key it writes is a fresh GUID with a
/// TODO: a fresh key per call protects nothing against a double click, so the developer must bind it to a stable
/// business identifier (an order id, a checkout session), which only they know. For options held in a local, the key
/// goes into the local's creation when there is exactly one; otherwise no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IdempotencyKeyCodeFix)), Shared]
public sealed class IdempotencyKeyCodeFix : CodeFixProvider
{
    internal const string Title = "Pass an idempotency key (bind it to a stable business identifier)";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PostWithoutIdempotencyKey.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(IdempotencyKeyAnalyzer.ShapeProperty, out var shape))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? newRoot = shape switch
            {
                IdempotencyKeyAnalyzer.MissingOptions when node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation =>
                    root.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.AddArguments(
                        SyntaxFactory.Argument(NewOptions()).WithNameColon(SyntaxFactory.NameColon("options")))),
                IdempotencyKeyAnalyzer.NullOptions when node is ExpressionSyntax expression =>
                    root.ReplaceNode(expression, NewOptions().WithTriviaFrom(expression)),
                IdempotencyKeyAnalyzer.MissingKey when node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation =>
                    root.ReplaceNode(creation, AddKey(creation)),
                IdempotencyKeyAnalyzer.LocalWithoutKey when diagnostic.AdditionalLocations.Count == 1
                    && diagnostic.AdditionalLocations[0] is { SourceTree: { } tree } only && tree == root.SyntaxTree
                    && root.FindNode(only.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation =>
                    root.ReplaceNode(creation, AddKey(creation)),
                _ => null,
            };
            if (newRoot is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), equivalenceKey: nameof(IdempotencyKeyCodeFix)),
                diagnostic);
        }
    }

    private static ObjectCreationExpressionSyntax NewOptions() =>
        SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("global::Flutterwave.Runtime.RequestOptions").WithAdditionalAnnotations(Simplifier.Annotation))
            .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(KeyAssignment())))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static BaseObjectCreationExpressionSyntax AddKey(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation.Initializer is { } initializer)
        {
            return creation.WithInitializer(initializer.AddExpressions(KeyAssignment())).WithAdditionalAnnotations(Formatter.Annotation);
        }

        var keyOnly = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(KeyAssignment()));
        return creation switch
        {
            ObjectCreationExpressionSyntax named => named
                .WithArgumentList(named.ArgumentList?.Arguments.Count > 0 ? named.ArgumentList : null)
                .WithType(named.Type.WithoutTrailingTrivia())
                .WithInitializer(keyOnly)
                .WithAdditionalAnnotations(Formatter.Annotation),

            // `new()` keeps its parentheses: `new { ... }` would be an anonymous type.
            _ => creation
                .WithArgumentList(creation.ArgumentList?.WithoutTrailingTrivia())
                .WithInitializer(keyOnly)
                .WithAdditionalAnnotations(Formatter.Annotation),
        };
    }

    private static ExpressionSyntax KeyAssignment()
    {
        var key = GuidExpressions.NewGuidText()
            .WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment("/* TODO: derive from a stable business id (e.g. the order id) so a retry reuses it */"), SyntaxFactory.Space);
        return SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("IdempotencyKey"), key);
    }
}
