using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0008: <c>RequestOptions.IdempotencyKey</c> set, in the options created for the call, on a generated operation
/// that takes no idempotency key (no <c>[OptionHeader("IdempotencyKey", ...)]</c>: its spec declares no such header).
/// The client refuses such a call before sending it, so this is the same failure, found while typing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdempotencyKeyNotTakenAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.IdempotencyKeyNotTaken);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { ApiOperation: not null, OptionHeader: not null, RequestOptions: { } requestOptions } symbols)
            {
                start.RegisterOperationAction(context => Analyze(context, symbols, requestOptions), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol requestOptions)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.OriginalDefinition;
        if (!symbols.Has(method, symbols.ApiOperation) || symbols.FindOptionHeader(method, "IdempotencyKey") is not null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type.OriginalDefinition, requestOptions)
                || OperationValues.Unwrap(argument.Value) is not IObjectCreationOperation { Initializer: { } initializer })
            {
                continue;
            }

            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "IdempotencyKey" } } assignment
                    && !OperationValues.IsNull(assignment.Value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdempotencyKeyNotTaken, assignment.Syntax.GetLocation(), method.Name));
                }
            }
        }
    }
}
