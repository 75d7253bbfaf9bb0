using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0003: a generated POST operation (an <c>[ApiOperation("POST", ...)]</c> method) called without
/// <c>RequestOptions.IdempotencyKey</c>. Options passed as a variable or returned by a method are trusted: only
/// what is visibly missing (no options, <c>null</c>, or an initializer without the key) is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdempotencyKeyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: what is missing (<see cref="MissingOptions"/>, <see cref="NullOptions"/> or <see cref="MissingKey"/>).</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>No options argument was given.</summary>
    public const string MissingOptions = nameof(MissingOptions);

    /// <summary>The options argument is <c>null</c>; the diagnostic is on it.</summary>
    public const string NullOptions = nameof(NullOptions);

    /// <summary>The options are created in place without the key; the diagnostic is on the creation.</summary>
    public const string MissingKey = nameof(MissingKey);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PostWithoutIdempotencyKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { ApiOperation: not null, RequestOptions: not null } symbols)
            {
                start.RegisterOperationAction(context => Analyze(context, symbols), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.OriginalDefinition;
        if (symbols.Find(method, symbols.ApiOperation) is not { ConstructorArguments.Length: > 0 } operation
            || !string.Equals(operation.ConstructorArguments[0].Value as string, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type.OriginalDefinition, symbols.RequestOptions))
            {
                continue;
            }

            var (shape, location) = Inspect(argument, invocation, symbols);
            if (shape is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.PostWithoutIdempotencyKey,
                    location,
                    ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape),
                    method.Name));
            }

            return;
        }
    }

    private static (string? Shape, Location Location) Inspect(IArgumentOperation argument, IInvocationOperation invocation, KnownSymbols symbols)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return (MissingOptions, invocation.Syntax.GetLocation());
        }

        var value = OperationValues.Unwrap(argument.Value);
        if (OperationValues.IsNull(value) || value is IDefaultValueOperation)
        {
            return (NullOptions, value.Syntax.GetLocation());
        }

        if (value is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.RequestOptions))
        {
            if (creation.Initializer is { } initializer)
            {
                foreach (var item in initializer.Initializers)
                {
                    if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "IdempotencyKey" } } assignment
                        && !OperationValues.IsNull(assignment.Value))
                    {
                        return (null, Location.None);
                    }
                }
            }

            return (MissingKey, creation.Syntax.GetLocation());
        }

        return (null, Location.None);
    }
}
