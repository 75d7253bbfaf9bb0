using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0002: a constant given to a generated member breaks the constraint the spec states for it (pattern, length,
/// range, or the values an enum lists), or the constant parts of a string built at run time already break it (see
/// <see cref="StringFragments"/>). Constraints come from the Spec* attributes the generator emits.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpecConstraintAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the value the code fix puts in place of the constant.</summary>
    public const string ReplacementProperty = "Replacement";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConstantViolatesSpec);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is not { } symbols
                || (symbols.SpecPattern is null && symbols.SpecLength is null && symbols.SpecRange is null && symbols.SpecAllowedValues is null))
            {
                return;
            }

            var reader = new SpecConstraintReader(symbols);
            start.RegisterOperationAction(context => AnalyzeAssignment(context, symbols, reader), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols symbols, SpecConstraintReader reader)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (OperationValues.AssignedMember(assignment) is not { } member)
        {
            return;
        }

        // A string converted to a generated enum on the way in (Currency = "XYZ"). Comparisons elsewhere are not
        // checked: generated enums are extensible on purpose.
        if (symbols.SpecAllowedValues is not null && FindEnumConversion(assignment.Value) is { } conversion
            && UnderlyingType(conversion.Type) is { } enumType && OperationValues.ConstantString(conversion.Operand) is { } enumText)
        {
            ReportUnlisted(context, symbols, enumType, enumText, conversion.Operand, member.Name);
            return;
        }

        if (symbols.SpecAllowedValues is not null && OperationValues.Unwrap(assignment.Value) is IObjectCreationOperation { Arguments.Length: 1 } creation
            && UnderlyingType(creation.Type) is { } createdType && OperationValues.ConstantString(creation.Arguments[0].Value) is { } createdText)
        {
            ReportUnlisted(context, symbols, createdType, createdText, creation.Arguments[0].Value, member.Name);
            return;
        }

        var constraints = reader.For(member);
        if (ReferenceEquals(constraints, SpecConstraints.None))
        {
            return;
        }

        var value = OperationValues.Unwrap(assignment.Value);
        if (constraints.HasStringRules)
        {
            if (OperationValues.ConstantString(assignment.Value) is { } text)
            {
                if (constraints.CheckString(text) is { } problem)
                {
                    var properties = constraints.MechanicalFix(text) is { } replacement
                        ? ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement)
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantViolatesSpec, value.Syntax.GetLocation(), properties, member.Name, problem));
                }

                return;
            }

            // "order_" + id, $"order_{id}", string.Concat(...): the constant fragments can already break the spec.
            if (StringFragments.Read(value) is { Count: > 0 } fragments && constraints.CheckConstantParts(fragments) is { } partProblem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantViolatesSpec, value.Syntax.GetLocation(), member.Name, partProblem));
            }

            return;
        }

        if (constraints.HasRange && assignment.Value.ConstantValue is { HasValue: true, Value: { } number } && ToDecimal(number) is { } amount
            && constraints.CheckNumber(amount) is { } rangeProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantViolatesSpec, value.Syntax.GetLocation(), member.Name, rangeProblem));
        }
    }

    private static IConversionOperation? FindEnumConversion(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            if (conversion.OperatorMethod is not null)
            {
                return conversion;
            }

            value = conversion.Operand;
        }

        return null;
    }

    private static void ReportUnlisted(OperationAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol type, string value, IOperation at, string target)
    {
        if (symbols.Find(type, symbols.SpecAllowedValues) is not { ConstructorArguments.Length: 1 } data || data.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return;
        }

        var allowed = data.ConstructorArguments[0].Values.Select(v => v.Value as string).Where(v => v is not null).ToList();
        if (allowed.Count == 0 || allowed.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var match = allowed.Where(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 1)
        {
            properties = properties.Add(ReplacementProperty, match[0]);
        }

        var problem = $"\"{value}\" is not one of the values the spec lists for {type.Name}" + (match.Count == 1 ? $" (did you mean \"{match[0]}\"?)" : string.Empty);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantViolatesSpec, OperationValues.Unwrap(at).Syntax.GetLocation(), properties, target, problem));
    }

    private static INamedTypeSymbol? UnderlyingType(ITypeSymbol? type) => type switch
    {
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => nullable.TypeArguments[0] as INamedTypeSymbol,
        INamedTypeSymbol named => named,
        _ => null,
    };

    private static decimal? ToDecimal(object value)
    {
        try
        {
            return value switch
            {
                decimal d => d,
                double d when double.IsNaN(d) || double.IsInfinity(d) => null,
                float f when float.IsNaN(f) || float.IsInfinity(f) => null,
                IConvertible convertible when value is not string and not bool and not char => convertible.ToDecimal(CultureInfo.InvariantCulture),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
