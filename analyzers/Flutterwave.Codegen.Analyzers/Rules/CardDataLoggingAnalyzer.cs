using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0001: a value read from a <c>[CardData]</c> member, or an object that holds one, reaching a log:
/// <c>ILogger</c> calls and scopes, <c>[LoggerMessage]</c> methods, <c>Console.Write*</c>, <c>Debug</c> and
/// <c>Trace</c> writes. The value is followed through string interpolation, concatenation, <c>ToString()</c>,
/// <c>string.Format</c>/<c>Concat</c>/<c>Join</c>, JSON serialization, conditionals and locals initialised from it;
/// any other method call (a masking helper, <c>Substring</c>, <c>Length</c>) ends the trail.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CardDataLoggingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property present when the flagged expression is a card-data member itself (the fix masks it).</summary>
    public const string MaskableProperty = "Maskable";

    private const int MaxDepth = 8;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CardDataInLog);

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

            var sinks = new Sinks(start.Compilation);
            if (!sinks.Any)
            {
                return;
            }

            var holders = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(context => Analyze(context, symbols, sinks, holders), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, Sinks sinks, ConcurrentDictionary<ITypeSymbol, bool> holders)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!sinks.IsSink(invocation.TargetMethod, symbols))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                ? initializer.ElementValues
                : ImmutableArray.Create(argument.Value);
            foreach (var value in values)
            {
                if (Find(value, symbols, holders, 0) is { } found)
                {
                    var (operation, what, maskable) = found;
                    var properties = maskable ? ImmutableDictionary<string, string?>.Empty.Add(MaskableProperty, "true") : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CardDataInLog, operation.Syntax.GetLocation(), properties, what, invocation.TargetMethod.Name));
                }
            }
        }
    }

    /// <summary>The card-data expression inside a logged value, what it is, and whether the fix can mask it in place.</summary>
    private static (IOperation Operation, string What, bool Maskable)? Find(IOperation operation, KnownSymbols symbols, ConcurrentDictionary<ITypeSymbol, bool> holders, int depth)
    {
        if (depth > MaxDepth || operation.ConstantValue.HasValue)
        {
            return null;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property: var property } when symbols.Has(property, symbols.CardData):
                return (operation, $"The card data '{property.Name}'", IsMaskableType(property.Type));
            case IFieldReferenceOperation { Field: var field } when symbols.Has(field, symbols.CardData):
                return (operation, $"The card data '{field.Name}'", IsMaskableType(field.Type));
            case IParameterReferenceOperation { Parameter: var parameter } when symbols.Has(parameter, symbols.CardData):
                return (operation, $"The card data '{parameter.Name}'", IsMaskableType(parameter.Type));
            case IConversionOperation conversion:
                return Find(conversion.Operand, symbols, holders, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Find(parenthesized.Operand, symbols, holders, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && Find(hole.Expression, symbols, holders, depth + 1) is { } inHole)
                    {
                        return inHole;
                    }
                }

                return null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Find(binary.LeftOperand, symbols, holders, depth + 1) ?? Find(binary.RightOperand, symbols, holders, depth + 1);
            case IConditionalOperation conditional:
                return (conditional.WhenTrue is null ? null : Find(conditional.WhenTrue, symbols, holders, depth + 1))
                    ?? (conditional.WhenFalse is null ? null : Find(conditional.WhenFalse, symbols, holders, depth + 1));
            case ICoalesceOperation coalesce:
                return Find(coalesce.Value, symbols, holders, depth + 1) ?? Find(coalesce.WhenNull, symbols, holders, depth + 1);
            case IConditionalAccessOperation conditionalAccess:
                return Find(conditionalAccess.WhenNotNull, symbols, holders, depth + 1);
            case IInvocationOperation invocation when PassesValueThrough(invocation.TargetMethod):
                if (invocation.Instance is { } instance && Find(instance, symbols, holders, depth + 1) is { } fromInstance)
                {
                    // x.CardNumber.ToString(): the whole call is what gets logged.
                    return fromInstance.Operation == instance ? (invocation, fromInstance.What, false) : fromInstance;
                }

                foreach (var argument in invocation.Arguments)
                {
                    var values = argument.Value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : ImmutableArray.Create(argument.Value);
                    foreach (var value in values)
                    {
                        if (Find(value, symbols, holders, depth + 1) is { } fromArgument)
                        {
                            return fromArgument;
                        }
                    }
                }

                return null;
            case ILocalReferenceOperation local when depth < MaxDepth:
                return FindInLocal(local, symbols, holders, depth);
        }

        // An object that holds card data (a request, a card) logged whole, serialized or destructured.
        return operation.Type is { } type && HoldsCardData(type, symbols, holders, 0)
            ? (operation, $"'{type.Name}', which holds card data,", false)
            : null;
    }

    // A local read once from card data: var pan = card.CardNumber; ... logger.LogInformation(pan).
    private static (IOperation Operation, string What, bool Maskable)? FindInLocal(ILocalReferenceOperation local, KnownSymbols symbols, ConcurrentDictionary<ITypeSymbol, bool> holders, int depth)
    {
        if (local.Local.DeclaringSyntaxReferences.Length != 1 || local.SemanticModel is not { } model)
        {
            return null;
        }

        var declarator = local.Local.DeclaringSyntaxReferences[0].GetSyntax();
        if (declarator.SyntaxTree != model.SyntaxTree || model.GetOperation(declarator) is not IVariableDeclaratorOperation { Initializer.Value: { } initial })
        {
            return null;
        }

        return Find(initial, symbols, holders, depth + 1) is { } found ? (local, found.What.Replace("The card data", "Card data (through '" + local.Local.Name + "') from"), false) : null;
    }

    private static bool PassesValueThrough(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return method.Name == "ToString"
            || (type.SpecialType == SpecialType.System_String && method.Name is "Format" or "Concat" or "Join")
            || (type.Name == "JsonSerializer" && method.Name.StartsWith("Serialize", System.StringComparison.Ordinal))
            || (type.Name is "StringBuilder" && method.Name is "Append" or "AppendLine" or "AppendFormat");
    }

    private static bool IsMaskableType(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Int32
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Int32);

    private static bool HoldsCardData(ITypeSymbol type, KnownSymbols symbols, ConcurrentDictionary<ITypeSymbol, bool> holders, int depth)
    {
        if (depth > 3 || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        if (depth > 0 && holders.TryGetValue(type, out var known))
        {
            return known;
        }

        var result = false;
        foreach (var member in type.GetMembers())
        {
            // An expiry date alone is not worth a warning on every logged response; numbers, CVVs and PINs are.
            if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property
                && ((IsCardMember(property, symbols, nested: depth > 0) && CardDataNames.KindOf(property.Name) is not (CardDataKind.ExpiryMonth or CardDataKind.ExpiryYear))
                    || HoldsCardData(property.Type, symbols, holders, depth + 1)))
            {
                result = true;
                break;
            }
        }

        // Only the nested answer is cached: it is the stricter one, and the same type is met at many depths.
        if (depth > 0)
        {
            holders.TryAdd(type, result);
        }

        return result;
    }

    /// <summary>
    /// Whether a property is card data that counts. On the logged object itself, every card member does. Deeper down,
    /// plaintext the client encrypts when sending (<c>EncryptedWhenSent</c>) and ciphertext (<c>Ciphertext</c>) do not:
    /// serialization never writes the one and the other is not usable card data, so a response such as a charge,
    /// whose authorization may hold a PIN object, stays silent when logged whole.
    /// </summary>
    private static bool IsCardMember(IPropertySymbol property, KnownSymbols symbols, bool nested)
    {
        if (symbols.Find(property, symbols.CardData) is not { } attribute)
        {
            return false;
        }

        if (!nested)
        {
            return true;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key is "EncryptedWhenSent" or "Ciphertext" && argument.Value.Value is true)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The logging, console and trace methods, resolved once per compilation.</summary>
    private sealed class Sinks
    {
        private readonly INamedTypeSymbol? _logger;
        private readonly INamedTypeSymbol? _loggerExtensions;
        private readonly INamedTypeSymbol? _loggerMessage;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _debug;
        private readonly INamedTypeSymbol? _trace;

        public Sinks(Compilation compilation)
        {
            _logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            _loggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
            _loggerMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _console = compilation.GetTypeByMetadataName("System.Console");
            _debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
            _trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        }

        public bool Any => _logger is not null || _console is not null || _debug is not null || _trace is not null;

        public bool IsSink(IMethodSymbol method, KnownSymbols symbols)
        {
            var type = method.ContainingType;
            if (Is(type, _loggerExtensions))
            {
                return method.Name.StartsWith("Log", System.StringComparison.Ordinal) || method.Name == "BeginScope";
            }

            if (Is(type, _logger) || (_logger is not null && method.Name is "Log" or "BeginScope" && type.AllInterfaces.Contains(_logger, SymbolEqualityComparer.Default)))
            {
                return method.Name is "Log" or "BeginScope";
            }

            if (Is(type, _console))
            {
                return method.Name is "Write" or "WriteLine";
            }

            if (Is(type, _debug) || Is(type, _trace))
            {
                return method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or "TraceInformation" or "TraceWarning" or "TraceError" or "Fail";
            }

            // [LoggerMessage] methods are partial methods declared in this project: only those need their attributes read.
            if (_loggerMessage is not null && (method.IsPartialDefinition || method.PartialImplementationPart is not null || method.PartialDefinitionPart is not null))
            {
                foreach (var attribute in symbols.AttributesOf(method.PartialDefinitionPart ?? method.OriginalDefinition))
                {
                    if (Is(attribute.AttributeClass, _loggerMessage))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? known) =>
            known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);
    }
}
