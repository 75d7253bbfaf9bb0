using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0005: a constant <c>RequestOptions.IdempotencyKey</c>, <c>TraceId</c> or <c>ScenarioKey</c> the call will refuse:
/// anywhere, a character that is not printable ASCII (no header can carry it); and where the options are created in
/// the call to a generated operation, a length or pattern the operation's <c>[OptionHeader]</c> rules out (the rules
/// its spec, or its conventions, state). Constant parts of concatenations and interpolated strings count too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HeaderValueAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> Options = new() { "IdempotencyKey", "TraceId", "ScenarioKey" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HeaderValueOutOfBounds);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is not { RequestOptions: { } requestOptions } symbols)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeCharacters(context, requestOptions), OperationKind.SimpleAssignment);
            if (symbols is { ApiOperation: not null, OptionHeader: not null })
            {
                var reader = new SpecConstraintReader(symbols);
                start.RegisterOperationAction(context => AnalyzeCall(context, symbols, requestOptions, reader), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeCharacters(OperationAnalysisContext context, INamedTypeSymbol requestOptions)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (Option(assignment, requestOptions) is not { } property || Fragments(assignment.Value) is not { } fragments)
        {
            return;
        }

        foreach (var fragment in fragments)
        {
            if (NotPrintable(fragment) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeaderValueOutOfBounds, assignment.Value.Syntax.GetLocation(), property.Name, "it " + problem + ", and a header value holds printable ASCII only"));
                return;
            }
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol requestOptions, SpecConstraintReader reader)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.OriginalDefinition;
        if (!symbols.Has(method, symbols.ApiOperation))
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
                if (item is not ISimpleAssignmentOperation assignment
                    || Option(assignment, requestOptions) is not { } property
                    || symbols.FindOptionHeader(method, property.Name) is not { } header
                    || Fragments(assignment.Value) is not { } fragments
                    || fragments.Exists(f => NotPrintable(f) is not null))
                {
                    continue;
                }

                var rules = reader.ForHeader(header);
                var whole = OperationValues.ConstantString(assignment.Value);
                var problem = whole is not null ? rules.CheckString(whole) : rules.CheckConstantParts(fragments);
                if (problem is not null)
                {
                    var headerName = header.ConstructorArguments[1].Value as string;
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.HeaderValueOutOfBounds,
                        assignment.Value.Syntax.GetLocation(),
                        property.Name,
                        $"{problem} ('{method.Name}' sends it as {headerName})"));
                }
            }
        }
    }

    private static IPropertySymbol? Option(ISimpleAssignmentOperation assignment, INamedTypeSymbol requestOptions) =>
        assignment.Target is IPropertyReferenceOperation { Property: { } property }
        && Options.Contains(property.Name)
        && SymbolEqualityComparer.Default.Equals(property.ContainingType, requestOptions)
            ? property
            : null;

    /// <summary>The value's constant text: the whole constant, or the constant parts of a string built at run time.</summary>
    private static List<string>? Fragments(IOperation value) =>
        OperationValues.ConstantString(value) is { } text ? new List<string> { text }
        : StringFragments.Read(value) is { } parts ? new List<string>(parts)
        : null;

    private static string? NotPrintable(string text)
    {
        foreach (var c in text)
        {
            if (c is < '!' or > '~')
            {
                return c == ' ' ? "contains a space" : "contains the character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
