using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0007: a constant card number that fails the Luhn check, or a constant expiry that is impossible or already in
/// the past, given to a <c>[CardData]</c> member. "The past" is judged against today's date (UTC) at analysis time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CardConstantAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidCardConstant);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var today = DateTime.UtcNow;
            start.RegisterOperationAction(context => Analyze(context, symbols, today.Year, today.Month), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, int year, int month)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (OperationValues.AssignedMember(assignment) is not { } member || !symbols.Has(member, symbols.CardData)
            || assignment.Value.ConstantValue is not { HasValue: true, Value: { } constant })
        {
            return;
        }

        var problem = CardDataNames.KindOf(member.Name) switch
        {
            CardDataKind.Number when constant is string number => CheckNumber(number),
            CardDataKind.ExpiryMonth when ToInt(constant) is { } m => m is < 1 or > 12 ? "is not a month (1 to 12)" : CheckAgainstYear(assignment, symbols, m, year, month),
            CardDataKind.ExpiryYear when ToInt(constant) is { } y => FullYear(y) < year ? "is a year already in the past" : null,
            _ => null,
        };
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidCardConstant, OperationValues.Unwrap(assignment.Value).Syntax.GetLocation(), member.Name, problem));
        }
    }

    /// <summary>Why a constant card number is invalid, or null. Only digit strings (spaces and dashes allowed) are judged.</summary>
    internal static string? CheckNumber(string text)
    {
        if (!Flutterwave.Runtime.Diagnostics.CardNumberDigits.TryRead(text, out var digits, out var luhnValid) || digits == 0)
        {
            // A placeholder or a token, not a card number.
            return null;
        }

        if (digits is < 12 or > 19)
        {
            return "has " + digits.ToString(CultureInfo.InvariantCulture) + " digits; card numbers have 12 to 19";
        }

        return luhnValid ? null : "fails the Luhn check";
    }

    // A month in the same object initializer as a year of this year: expired when the month has passed.
    private static string? CheckAgainstYear(ISimpleAssignmentOperation assignment, KnownSymbols symbols, int expiryMonth, int year, int month)
    {
        if (expiryMonth >= month || assignment.Parent is not IObjectOrCollectionInitializerOperation initializer)
        {
            return null;
        }

        foreach (var sibling in initializer.Initializers)
        {
            if (sibling is ISimpleAssignmentOperation other && OperationValues.AssignedMember(other) is { } member
                && symbols.Has(member, symbols.CardData) && CardDataNames.KindOf(member.Name) == CardDataKind.ExpiryYear
                && other.Value.ConstantValue is { HasValue: true, Value: { } value } && ToInt(value) is { } y && FullYear(y) == year)
            {
                return "is a month already past in this year's expiry";
            }
        }

        return null;
    }

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int? ToInt(object value) => value switch
    {
        int i => i,
        long l when l is >= 0 and < 10000 => (int)l,
        string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
