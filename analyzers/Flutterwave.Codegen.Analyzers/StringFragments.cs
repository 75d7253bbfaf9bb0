using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>
/// The constant text of a string built at run time: <c>+</c> chains (nested too), interpolated strings and
/// <c>string.Concat</c>. Whatever the holes hold, the result contains these fragments, in this order, with their total
/// length: enough to prove some constraints broken (FLW0002, issue 10).
/// </summary>
/// <remarks>
/// A constant string or <c>char</c> is a fragment; anything else (a number, whose text depends on the culture, a hole
/// with an alignment or a format, any other call) is a hole. Adjacent fragments are merged: they are one run of text.
/// </remarks>
internal static class StringFragments
{
    /// <summary>
    /// The constant fragments of <paramref name="value"/>, or null when it is not a concatenation, an interpolated
    /// string or a <c>string.Concat</c> call.
    /// </summary>
    public static IReadOnlyList<string>? Read(IOperation value)
    {
        value = OperationValues.Unwrap(value);
        if (!IsConcatenation(value))
        {
            return null;
        }

        var fragments = new List<string>();
        var run = new StringBuilder();
        var afterHole = false;

        // Depth-first, left to right, with an explicit stack: a long `a + b + c + ...` chain nests as deep as it is long.
        var pending = new Stack<IOperation>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var operation = OperationValues.Unwrap(pending.Pop());
            if (OperationValues.ConstantString(operation) is { } text)
            {
                Append(text);
            }
            else if (operation.ConstantValue is { HasValue: true, Value: char c })
            {
                Append(c.ToString());
            }
            else if (operation.ConstantValue is { HasValue: true, Value: null })
            {
                // null adds no text.
            }
            else if (IsConcatenation(operation))
            {
                var children = Children(operation);
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
            else
            {
                afterHole = true;
            }
        }

        Flush();
        return fragments;

        void Append(string text)
        {
            if (afterHole)
            {
                Flush();
                afterHole = false;
            }

            run.Append(text);
        }

        void Flush()
        {
            if (run.Length > 0)
            {
                fragments.Add(run.ToString());
                run.Clear();
            }
        }
    }

    private static bool IsConcatenation(IOperation operation) => operation switch
    {
        IInterpolatedStringOperation => true,
        // The built-in string +: no operator method, or the compiler's own on System.String (never a user-defined one).
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary =>
            binary.OperatorMethod is null || binary.OperatorMethod.ContainingType.SpecialType == SpecialType.System_String,
        IInvocationOperation { TargetMethod: { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } => true,
        _ => false,
    };

    /// <summary>The operands in the order their text appears; a part that is not text to copy is returned as is (a hole).</summary>
    private static List<IOperation> Children(IOperation operation)
    {
        var children = new List<IOperation>();
        switch (operation)
        {
            case IBinaryOperation binary:
                children.Add(binary.LeftOperand);
                children.Add(binary.RightOperand);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation { Text: { } text }:
                            children.Add(text);
                            break;
                        case IInterpolationOperation { Alignment: null, FormatString: null, Expression: { } expression }:
                            children.Add(expression);
                            break;
                        default:
                            children.Add(part);
                            break;
                    }
                }

                break;
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.Explicit && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        children.AddRange(initializer.ElementValues);
                    }
                    else if (argument.ArgumentKind != ArgumentKind.Explicit && argument.Value is ICollectionExpressionOperation collection)
                    {
                        // params ReadOnlySpan<string?> (.NET 9 and later); a spread element is a hole.
                        children.AddRange(collection.Elements);
                    }
                    else if (argument.ArgumentKind == ArgumentKind.Explicit
                        && argument.Value.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char)
                    {
                        children.Add(argument.Value);
                    }
                    else
                    {
                        // A span, a collection, an array passed as such: a hole.
                        children.Add(argument);
                    }
                }

                break;
        }

        return children;
    }
}
