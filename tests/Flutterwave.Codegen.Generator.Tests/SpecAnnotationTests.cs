using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>The spec's constraints arrive on generated members as Flutterwave.Runtime.Annotations attributes.</summary>
public sealed class SpecAnnotationTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() });

    private static AttributeData Attribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().Single(a => a.AttributeClass!.ToDisplayString() == "Flutterwave.Runtime.Annotations." + name);

    private static IPropertySymbol Property(string type, string name) =>
        Run.Output.GetTypeByMetadataName("Flutterwave." + type)!.GetMembers(name).OfType<IPropertySymbol>().Single();

    [Fact]
    public void StringConstraints_BecomePatternAndLengthAttributes()
    {
        var reference = Property("ChargeRequest", "Reference");

        Assert.Equal("^[a-zA-Z0-9\\-]+$", Attribute(reference, "SpecPatternAttribute").ConstructorArguments.Single().Value);
        var length = Attribute(reference, "SpecLengthAttribute").NamedArguments.ToDictionary(a => a.Key, a => a.Value.Value);
        Assert.Equal(6, length["MinLength"]);
        Assert.Equal(42, length["MaxLength"]);
    }

    [Fact]
    public void NumericConstraints_BecomeRangeAttribute_WithTheSpecText()
    {
        var range = Attribute(Property("ChargeRequest", "Amount"), "SpecRangeAttribute").NamedArguments.ToDictionary(a => a.Key, a => a.Value.Value);

        Assert.Equal("0.01", range["Minimum"]);
        Assert.False(range.ContainsKey("Maximum"));
    }

    [Fact]
    public void Enum_CarriesItsAllowedValues()
    {
        var currency = Run.Output.GetTypeByMetadataName("Flutterwave.Currency")!;
        var values = Attribute(currency, "SpecAllowedValuesAttribute").ConstructorArguments.Single().Values.Select(v => (string)v.Value!).ToList();

        Assert.Contains("NGN", values);
        Assert.Contains("USD", values);
        Assert.DoesNotContain("XYZ", values);
    }

    [Fact]
    public void OperationMethods_CarryTheirHttpMethodPathAndOperationId()
    {
        var create = Run.Output.GetTypeByMetadataName("Flutterwave.ChargesClient")!.GetMembers("CreateChargeAsync").OfType<IMethodSymbol>().Single();
        var get = Run.Output.GetTypeByMetadataName("Flutterwave.ChargesClient")!.GetMembers("GetChargeAsync").OfType<IMethodSymbol>().Single();

        Assert.Equal(new object?[] { "POST", "/charges", "createCharge" }, Attribute(create, "ApiOperationAttribute").ConstructorArguments.Select(a => a.Value));
        Assert.Equal("GET", Attribute(get, "ApiOperationAttribute").ConstructorArguments[0].Value);
    }

    [Fact]
    public void PlainlyNamedCardMembers_AreMarkedAsCardData_AndMaskedFormsAreNot()
    {
        Assert.Single(Property("CardDetails", "ExpiryMonth").GetAttributes(), a => a.AttributeClass!.Name == "CardDataAttribute");
        Assert.DoesNotContain(Property("CardDetails", "Last4").GetAttributes(), a => a.AttributeClass!.Name == "CardDataAttribute");
        Assert.DoesNotContain(Property("CardDetails", "First6").GetAttributes(), a => a.AttributeClass!.Name == "CardDataAttribute");
    }
}
