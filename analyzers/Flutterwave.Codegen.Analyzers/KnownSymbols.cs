using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>
/// The runtime's annotation types, resolved once per compilation. Rules read the spec's constraints from these
/// attributes on generated members, so nothing here names an API: only the runtime's own types.
/// </summary>
internal sealed class KnownSymbols
{
    public const string AnnotationsNamespace = "Flutterwave.Runtime.Annotations.";

    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<AttributeData>> _attributes = new(SymbolEqualityComparer.Default);

    private KnownSymbols(Compilation compilation, INamedTypeSymbol cardData)
    {
        CardData = cardData;
        Secret = compilation.GetTypeByMetadataName(AnnotationsNamespace + "SecretAttribute");
        SpecPattern = compilation.GetTypeByMetadataName(AnnotationsNamespace + "SpecPatternAttribute");
        SpecLength = compilation.GetTypeByMetadataName(AnnotationsNamespace + "SpecLengthAttribute");
        SpecRange = compilation.GetTypeByMetadataName(AnnotationsNamespace + "SpecRangeAttribute");
        SpecAllowedValues = compilation.GetTypeByMetadataName(AnnotationsNamespace + "SpecAllowedValuesAttribute");
        ApiOperation = compilation.GetTypeByMetadataName(AnnotationsNamespace + "ApiOperationAttribute");
        OptionHeader = compilation.GetTypeByMetadataName(AnnotationsNamespace + "OptionHeaderAttribute");
        RequestOptions = compilation.GetTypeByMetadataName("Flutterwave.Runtime.RequestOptions");
        GeneratedCode = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
    }

    public INamedTypeSymbol CardData { get; }

    public INamedTypeSymbol? Secret { get; }

    public INamedTypeSymbol? SpecPattern { get; }

    public INamedTypeSymbol? SpecLength { get; }

    public INamedTypeSymbol? SpecRange { get; }

    public INamedTypeSymbol? SpecAllowedValues { get; }

    public INamedTypeSymbol? ApiOperation { get; }

    /// <summary><c>[OptionHeader]</c> on operation methods: which <c>RequestOptions</c> values they send, with what rules.</summary>
    public INamedTypeSymbol? OptionHeader { get; }

    public INamedTypeSymbol? RequestOptions { get; }

    public INamedTypeSymbol? GeneratedCode { get; }

    /// <summary>The symbols, or null when the compilation does not reference the Flutterwave runtime.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(AnnotationsNamespace + "CardDataAttribute") is { } cardData
            ? new KnownSymbols(compilation, cardData)
            : null;

    /// <summary>A symbol's attributes, read once per compilation.</summary>
    public ImmutableArray<AttributeData> AttributesOf(ISymbol symbol) => _attributes.GetOrAdd(symbol, static s => s.GetAttributes());

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var data in AttributesOf(symbol))
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }

    public bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => Find(symbol, attribute) is not null;

    /// <summary>The method's <c>[OptionHeader]</c> for a <c>RequestOptions</c> property (<c>IdempotencyKey</c>, <c>TraceId</c>, <c>ScenarioKey</c>), or null.</summary>
    public AttributeData? FindOptionHeader(IMethodSymbol method, string option)
    {
        if (OptionHeader is null)
        {
            return null;
        }

        foreach (var data in AttributesOf(method))
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, OptionHeader)
                && data.ConstructorArguments.Length == 2
                && string.Equals(data.ConstructorArguments[0].Value as string, option, System.StringComparison.Ordinal))
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>Whether a type was emitted by the Flutterwave generator (it carries its GeneratedCode attribute).</summary>
    public bool IsGeneratedModel(ITypeSymbol? type) =>
        type is not null && GeneratedCode is not null && AttributesOf(type).Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, GeneratedCode)
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is "Flutterwave.Codegen");
}
