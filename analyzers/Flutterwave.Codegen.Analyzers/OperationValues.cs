using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>Small helpers over <see cref="IOperation"/> values shared by the rules.</summary>
internal static class OperationValues
{
    /// <summary>The value under implicit conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The constant string the value is, if any.</summary>
    public static string? ConstantString(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: string text } ? text
        : Unwrap(operation).ConstantValue is { HasValue: true, Value: string inner } ? inner
        : null;

    /// <summary>The member an assignment writes to (a property or a field), if any.</summary>
    public static ISymbol? AssignedMember(IAssignmentOperation assignment) => assignment.Target switch
    {
        IPropertyReferenceOperation property when !property.Property.IsIndexer => property.Property,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>Whether the value is the literal <c>null</c> (or <c>default</c> of a reference type).</summary>
    public static bool IsNull(IOperation operation) =>
        Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>The assignments in the initializer of <c>RequestOptions</c> created in the call itself (<c>M(new RequestOptions { ... })</c>).</summary>
    public static IEnumerable<ISimpleAssignmentOperation> OptionsSetInTheCall(IInvocationOperation invocation, INamedTypeSymbol requestOptions)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type.OriginalDefinition, requestOptions)
                || Unwrap(argument.Value) is not IObjectCreationOperation { Initializer: { } initializer })
            {
                continue;
            }

            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation assignment)
                {
                    yield return assignment;
                }
            }
        }
    }
}
