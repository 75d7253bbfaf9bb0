using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0006: a reference (a string member of a generated model named <c>Reference</c>, <c>…Reference</c> or
/// <c>…Ref</c>, or <c>RequestOptions.IdempotencyKey</c>) built from the clock alone: <c>DateTime.Now</c>/<c>UtcNow</c>,
/// <c>DateTimeOffset</c>, ticks, <c>Environment.TickCount</c>, <c>Stopwatch.GetTimestamp()</c> or
/// <c>TimeProvider.GetUtcNow()</c>, with nothing but constant text around them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClockReferenceAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the constant text the value starts with, kept by the code fix.</summary>
    public const string PrefixProperty = "Prefix";

    private enum Source
    {
        Constant,
        Clock,
        Other,
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReferenceFromClock);

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

            var reader = new SpecConstraintReader(symbols);
            start.RegisterOperationAction(context => Analyze(context, symbols, reader), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, SpecConstraintReader reader)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (OperationValues.AssignedMember(assignment) is not IPropertySymbol { Type.SpecialType: SpecialType.System_String } property || !IsReference(property, symbols))
        {
            return;
        }

        var value = OperationValues.Unwrap(assignment.Value);
        if (Classify(value, 0) != Source.Clock)
        {
            return;
        }

        // Keep the constant text the value starts with when a 32-character GUID still fits after it.
        var prefix = value is IInterpolatedStringOperation interpolated && interpolated.Parts.Length > 0
            && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text: { } text } && OperationValues.ConstantString(text) is { } first
            ? first
            : string.Empty;
        var constraints = reader.For(property);
        if ((constraints.MaxLength is { } max && prefix.Length + 32 > max) || (prefix.Length > 0 && constraints.CheckConstantParts(prefix) is not null))
        {
            prefix = string.Empty;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ReferenceFromClock,
            value.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(PrefixProperty, prefix),
            property.Name));
    }

    private static bool IsReference(IPropertySymbol property, KnownSymbols symbols)
    {
        if (SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.RequestOptions))
        {
            return property.Name == "IdempotencyKey";
        }

        return (property.Name.EndsWith("Reference", StringComparison.Ordinal) || property.Name.EndsWith("Ref", StringComparison.Ordinal))
            && symbols.IsGeneratedModel(property.ContainingType);
    }

    private static Source Classify(IOperation operation, int depth)
    {
        if (depth > 8)
        {
            return Source.Other;
        }

        if (operation.ConstantValue.HasValue)
        {
            return Source.Constant;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Classify(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Classify(parenthesized.Operand, depth + 1);
            case IInterpolatedStringOperation interpolated:
            {
                var result = Source.Constant;
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        result = Combine(result, Classify(hole.Expression, depth + 1));
                    }
                }

                return result;
            }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Combine(Classify(binary.LeftOperand, depth + 1), Classify(binary.RightOperand, depth + 1));
            case IPropertyReferenceOperation propertyReference:
                return ClassifyProperty(propertyReference, depth);
            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, depth);
            default:
                return Source.Other;
        }
    }

    private static Source ClassifyProperty(IPropertyReferenceOperation reference, int depth)
    {
        var property = reference.Property;
        var type = property.ContainingType;
        if (property.IsStatic)
        {
            return IsClockType(type) && property.Name is "Now" or "UtcNow" or "Today"
                || (IsType(type, "System", "Environment") && property.Name is "TickCount" or "TickCount64")
                ? Source.Clock
                : Source.Other;
        }

        // Ticks, Millisecond and the like of a clock reading are still the clock.
        return reference.Instance is { } instance && (IsClockType(type) || instance.Type is { } t && IsClockType(t))
            ? Classify(instance, depth + 1)
            : Source.Other;
    }

    private static Source ClassifyInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (method.IsStatic)
        {
            if (IsType(type, "System.Diagnostics", "Stopwatch") && method.Name == "GetTimestamp")
            {
                return Source.Clock;
            }

            if (type.SpecialType == SpecialType.System_String && method.Name is "Concat" or "Format")
            {
                var result = Source.Constant;
                foreach (var argument in invocation.Arguments)
                {
                    result = Combine(result, ClassifyArgument(argument.Value, depth));
                }

                return result;
            }

            return Source.Other;
        }

        if (invocation.Instance is not { } instance)
        {
            return Source.Other;
        }

        if (IsType(type, "System", "TimeProvider") && method.Name is "GetUtcNow" or "GetLocalNow" or "GetTimestamp")
        {
            return Source.Clock;
        }

        // ToString(...), ToUnixTimeMilliseconds(), ToFileTime() ... of a clock reading.
        if (method.Name.StartsWith("To", StringComparison.Ordinal) && instance.Type is { } instanceType
            && (IsClockType(instanceType) || instanceType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64))
        {
            return Classify(instance, depth + 1);
        }

        return Source.Other;
    }

    private static Source ClassifyArgument(IOperation value, int depth) =>
        value is IArrayCreationOperation { Initializer: { } initializer }
            ? ClassifyAll(initializer.ElementValues, depth)
            : Classify(value, depth + 1);

    private static Source ClassifyAll(ImmutableArray<IOperation> values, int depth)
    {
        var result = Source.Constant;
        foreach (var value in values)
        {
            result = Combine(result, Classify(value, depth + 1));
        }

        return result;
    }

    private static Source Combine(Source a, Source b) =>
        a == Source.Other || b == Source.Other ? Source.Other
        : a == Source.Clock || b == Source.Clock ? Source.Clock
        : Source.Constant;

    private static bool IsClockType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_DateTime || IsType(type, "System", "DateTimeOffset");

    private static bool IsType(ITypeSymbol type, string ns, string name) =>
        type.Name == name && type.ContainingNamespace?.ToDisplayString() == ns;
}
