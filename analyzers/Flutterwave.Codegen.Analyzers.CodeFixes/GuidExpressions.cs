using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Flutterwave.Codegen.Analyzers.CodeFixes;

/// <summary>Expressions the fixes write, fully qualified with the qualifier marked for simplification.</summary>
internal static class GuidExpressions
{
    private const string Guid = "global::System.Guid";

    /// <summary><c>Guid.NewGuid().ToString("N")</c>.</summary>
    public static ExpressionSyntax NewGuidText() => Simplifiable(SyntaxFactory.ParseExpression(Guid + ".NewGuid().ToString(\"N\")"));

    /// <summary><c>"prefix" + Guid.NewGuid().ToString("N")</c> (a concatenation: <c>global::</c> cannot stand in an interpolation hole).</summary>
    public static ExpressionSyntax PrefixedNewGuid(string prefix) =>
        SyntaxFactory.BinaryExpression(
            SyntaxKind.AddExpression,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(prefix)),
            NewGuidText());

    private static ExpressionSyntax Simplifiable(ExpressionSyntax expression)
    {
        var qualifier = expression.DescendantNodes().OfType<MemberAccessExpressionSyntax>().First(n => n.ToString() == Guid);
        return expression.ReplaceNode(qualifier, qualifier.WithAdditionalAnnotations(Simplifier.Annotation));
    }
}
