using System.Text;
using Features.Api;
using Flutterwave.Runtime.Json;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>oneOf/anyOf: the right variant is chosen, and JSON that matches none is kept.</summary>
public sealed class UnionTests
{
    [Fact]
    public void Discriminator_SelectsTheVariant_AllOfPropertiesAreFlattened()
    {
        var shape = Json.Read<Shape>("""{"type":"square","id":"s1","side":2.5,"created":"2025-01-01T00:00:00Z"}""");

        var square = Assert.IsType<Square>(shape.Value);
        Assert.Same(square, shape.Square);
        Assert.Null(shape.Circle);
        Assert.Equal(2.5m, square.Side);
        Assert.Equal("s1", square.Id);
    }

    [Fact]
    public void NoDiscriminator_RequiredMembersDecide()
    {
        var wallet = Json.Read<Payment>("""{"wallet_id":"w-1"}""");
        var card = Json.Read<Payment>("""{"card_number":"tok_1","holder":"A"}""");
        var text = Json.Read<Payment>("\"cash\"");

        Assert.Equal("w-1", wallet.WalletPayment!.WalletId);
        Assert.Equal("tok_1", card.CardPayment!.CardNumber);
        Assert.Equal("cash", text.String);
    }

    [Fact]
    public void NothingMatches_JsonIsKept_AndWrittenBackAsItCame()
    {
        const string json = """{"bank_account":"0123","sort":"01-02-03"}""";

        var payment = Json.Read<Payment>(json);

        Assert.Null(payment.Value);
        Assert.NotNull(payment.Unrecognized);
        Assert.Equal(json, Json.Write(payment));
    }

    [Fact]
    public void ImplicitConversion_WrapsAVariant_AndWritesIt()
    {
        Shape shape = new Circle { Id = "c1", Type = "circle", Radius = 1 };

        Assert.Equal("""{"id":"c1","type":"circle","radius":1}""", Json.Write(shape));
    }

    [Fact]
    public void UnionInsideModel_RoundTrips()
    {
        var pet = Json.Read<Pet>("""{"name":"Rex","kind":"dog","id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","shape":{"type":"circle","id":"c","radius":3},"payment":null}""");

        Assert.Equal(3, pet.Shape!.Circle!.Radius);
        Assert.Null(pet.Payment);
    }
}
