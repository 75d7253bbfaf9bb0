using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0003: a generated POST operation (an <c>[ApiOperation("POST", ...)]</c> method) that takes an idempotency key
/// (<c>[OptionHeader("IdempotencyKey", ...)]</c>: the spec, or its conventions, give it one) called without
/// <c>RequestOptions.IdempotencyKey</c>. A POST whose spec declares no idempotency header cannot take a key, so it is
/// not reported. Only what is visibly missing is reported: no options, <c>null</c>, an
/// initializer without the key, or a local whose every value is such an initializer and that nothing else can give a
/// key (see <see cref="RequestOptionsLocals"/>). Options from a parameter, a method or anywhere else are trusted.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdempotencyKeyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: what is missing (<see cref="MissingOptions"/>, <see cref="NullOptions"/>, <see cref="MissingKey"/> or <see cref="LocalWithoutKey"/>).</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>No options argument was given.</summary>
    public const string MissingOptions = nameof(MissingOptions);

    /// <summary>The options argument is <c>null</c>; the diagnostic is on it.</summary>
    public const string NullOptions = nameof(NullOptions);

    /// <summary>The options are created in place without the key; the diagnostic is on the creation.</summary>
    public const string MissingKey = nameof(MissingKey);

    /// <summary>
    /// The options are a local whose every value is a creation without the key; the diagnostic is on the argument and
    /// its additional locations are those creations.
    /// </summary>
    public const string LocalWithoutKey = nameof(LocalWithoutKey);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PostWithoutIdempotencyKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { ApiOperation: not null, RequestOptions: { } requestOptions } symbols)
            {
                var locals = new RequestOptionsLocals(symbols, requestOptions);
                start.RegisterOperationAction(context => Analyze(context, symbols, locals), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, RequestOptionsLocals locals)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.OriginalDefinition;
        if (symbols.Find(method, symbols.ApiOperation) is not { ConstructorArguments.Length: > 0 } operation
            || !string.Equals(operation.ConstructorArguments[0].Value as string, "POST", StringComparison.OrdinalIgnoreCase)
            || (symbols.OptionHeader is not null && symbols.FindOptionHeader(method, "IdempotencyKey") is null))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type.OriginalDefinition, symbols.RequestOptions))
            {
                continue;
            }

            var (shape, location, creations) = Inspect(argument, invocation, symbols, locals);
            if (shape is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.PostWithoutIdempotencyKey,
                    location,
                    creations.IsDefaultOrEmpty ? null : creations.Select(c => c.Syntax.GetLocation()),
                    ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape),
                    method.Name));
            }

            return;
        }
    }

    private static (string? Shape, Location Location, ImmutableArray<IObjectCreationOperation> Creations) Inspect(
        IArgumentOperation argument, IInvocationOperation invocation, KnownSymbols symbols, RequestOptionsLocals locals)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return (MissingOptions, invocation.Syntax.GetLocation(), default);
        }

        var value = OperationValues.Unwrap(argument.Value);
        if (OperationValues.IsNull(value) || value is IDefaultValueOperation)
        {
            return (NullOptions, value.Syntax.GetLocation(), default);
        }

        // `(RequestOptions?)new RequestOptions { ... }`: a cast that changes nothing hides nothing.
        if (value is IConversionOperation { OperatorMethod: null } cast && SymbolEqualityComparer.Default.Equals(cast.Operand.Type, symbols.RequestOptions))
        {
            value = OperationValues.Unwrap(cast.Operand);
        }

        if (value is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.RequestOptions))
        {
            return RequestOptionsLocals.SetsKey(creation) ? (null, Location.None, default) : (MissingKey, creation.Syntax.GetLocation(), default);
        }

        if (value is ILocalReferenceOperation local && locals.CreationsWithoutKey(local) is { Length: > 0 } creations)
        {
            return (LocalWithoutKey, local.Syntax.GetLocation(), creations);
        }

        return (null, Location.None, default);
    }
}
