using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0005: a constant <c>RequestOptions.IdempotencyKey</c> or <c>TraceId</c> outside 12 to 255 characters, or with
/// characters other than ASCII letters and digits (also the constant parts of an interpolated string).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HeaderValueAnalyzer : DiagnosticAnalyzer
{
    internal const int MinLength = 12;
    internal const int MaxLength = 255;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HeaderValueOutOfBounds);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { RequestOptions: { } requestOptions })
            {
                start.RegisterOperationAction(context => Analyze(context, requestOptions), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol requestOptions)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "IdempotencyKey" or "TraceId" } property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, requestOptions))
        {
            return;
        }

        var value = OperationValues.Unwrap(assignment.Value);
        string? problem = null;
        if (OperationValues.ConstantString(assignment.Value) is { } text)
        {
            problem = text.Length < MinLength || text.Length > MaxLength
                ? "is " + text.Length.ToString(CultureInfo.InvariantCulture) + (text.Length == 1 ? " character" : " characters") + " long"
                : Forbidden(text);
        }
        else if (value is IInterpolatedStringOperation interpolated)
        {
            var constant = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolatedStringTextOperation { Text: { } partText } && OperationValues.ConstantString(partText) is { } piece)
                {
                    constant.Append(piece);
                }
            }

            problem = constant.Length > MaxLength ? "has constant parts longer than 255 characters" : Forbidden(constant.ToString());
        }

        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeaderValueOutOfBounds, value.Syntax.GetLocation(), property.Name, problem));
        }
    }

    private static string? Forbidden(string text)
    {
        foreach (var c in text)
        {
            if (!IsAsciiLetterOrDigit(c))
            {
                return c switch
                {
                    ' ' => "contains a space",
                    _ when c < 0x20 || c > 0x7e => "contains the character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                    _ => "contains '" + c + "'",
                };
            }
        }

        return null;
    }

    internal static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
