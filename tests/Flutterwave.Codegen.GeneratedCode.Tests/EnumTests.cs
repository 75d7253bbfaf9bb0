using System.Text.Json;
using Flutterwave;
using Flutterwave.Runtime.Json;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>Extensible enums: values the spec does not list survive reading, comparing and writing.</summary>
public sealed class EnumTests
{
    [Fact]
    public void KnownValue_ComparesWithMemberAndString()
    {
        ChargeStatus status = "succeeded";

        Assert.Equal(ChargeStatus.Succeeded, status);
        Assert.True(status == "succeeded");
        Assert.False(status == "failed");
        Assert.True(status.IsKnown);
        Assert.Equal("succeeded", status.ToString());
    }

    [Fact]
    public void UnknownValue_ReadsComparesAndWritesBackUnchanged()
    {
        var status = JsonCodec.FromUtf8Bytes("\"partially_refunded\""u8, ChargeStatus.ReadJson);

        Assert.False(status.IsKnown);
        Assert.True(status == "partially_refunded");
        Assert.NotEqual(ChargeStatus.Succeeded, status);
        Assert.Equal("\"partially_refunded\"", System.Text.Encoding.UTF8.GetString(JsonCodec.ToUtf8Bytes(status, JsonCodec.WriteModel)));
    }

    [Fact]
    public void Comparison_IsOrdinal_AsJsonIs()
    {
        Currency lower = "ngn";

        Assert.NotEqual(Currency.NGN, lower);
        Assert.Equal(Currency.NGN, (Currency)"NGN");
        Assert.Equal(Currency.NGN.GetHashCode(), ((Currency)"NGN").GetHashCode());
    }

    [Fact]
    public void NullableEnumProperty_ComparesWithString()
    {
        var charge = JsonCodec.FromUtf8Bytes(
            """{"id":"chg_1","amount":12.34,"currency":"XTS","reference":"ref-123456","status":"under_review"}"""u8,
            Charge.ReadJson);

        Assert.True(charge.Status == "under_review");
        Assert.True(charge.Currency == "XTS");
        Assert.False(charge.Currency.IsKnown);
    }

    [Fact]
    public void UnknownEnumValue_InsideModel_RoundTripsUnchanged()
    {
        const string json = """{"id":"chg_1","amount":12.34,"currency":"XTS","reference":"ref-123456","status":"under_review"}""";
        var charge = JsonCodec.FromUtf8Bytes(System.Text.Encoding.UTF8.GetBytes(json), Charge.ReadJson);

        var written = System.Text.Encoding.UTF8.GetString(JsonCodec.ToUtf8Bytes(charge, JsonCodec.WriteModel));

        Assert.True(Json.SameJson(json, written), written);
    }

    [Fact]
    public void DefaultValue_RefusesToWrite()
    {
        var nothing = default(PaymentMethodType);

        Assert.Throws<System.InvalidOperationException>(() => JsonCodec.ToUtf8Bytes(nothing, JsonCodec.WriteModel));
        Assert.Equal(string.Empty, nothing.ToString());
    }

    [Fact]
    public void MemberNames_ComeFromValues()
    {
        Assert.Equal("mobile_money", Features.Api.PetKind.MobileMoney.ToString());
        Assert.Equal("NGN", Features.Api.PetKind.NGN.ToString());
        Assert.Equal("3ds", Features.Api.PetKind._3ds.ToString());
        Assert.Equal("partially-completed", OrderStatus.PartiallyCompleted.ToString());
    }
}
