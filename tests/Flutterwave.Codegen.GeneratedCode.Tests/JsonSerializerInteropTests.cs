using System.Text.Json;
using Flutterwave;
using Xunit;

// Plain JsonSerializer calls are reflection-based by nature: that is the caller's choice, and these warnings belong
// to this test code, not to the generated types (which this project's IsAotCompatible build checks).
#pragma warning disable IL2026, IL3050

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>Users store charges and webhook payloads with plain JsonSerializer calls: those use the generated code.</summary>
public sealed class JsonSerializerInteropTests
{
    [Fact]
    public void Serialize_UsesTheGeneratedWriter_WithJsonNames()
    {
        var request = new ChargeRequest { Amount = 12.34m, Currency = Currency.NGN, Reference = "order-12345" };

        var json = JsonSerializer.Serialize(request);

        Assert.Equal("""{"amount":12.34,"currency":"NGN","reference":"order-12345"}""", json);
    }

    [Fact]
    public void Deserialize_UsesTheGeneratedReader_AndKeepsUnknownValues()
    {
        var charge = JsonSerializer.Deserialize<Charge>("""{"id":"chg_1","amount":5,"currency":"NGN","reference":"ref-123456","status":"disputed","extra":1}""")!;

        Assert.True(charge.Status == "disputed");
        Assert.Equal(1, charge.AdditionalProperties["extra"].GetInt32());
    }

    [Fact]
    public void ModelsInsideOtherTypes_AndEnumsOnTheirOwn_Work()
    {
        var list = JsonSerializer.Deserialize<System.Collections.Generic.List<Fee>>("""[{"type":"vat","amount":1.5}]""")!;
        var currency = JsonSerializer.Deserialize<Currency>("\"GHS\"");

        Assert.Equal(1.5m, list[0].Amount);
        Assert.Equal(Currency.GHS, currency);
        Assert.Equal("\"GHS\"", JsonSerializer.Serialize(currency));
    }
}
