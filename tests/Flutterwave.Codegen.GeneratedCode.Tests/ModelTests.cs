using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Features.Api;
using Flutterwave.Runtime.Json;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

public sealed class ModelTests
{
    [Fact]
    public void UnknownProperties_AreKept_AndWrittenBack()
    {
        const string json = """
            {"id":"cus_1","email":"ada@example.com","loyalty":{"tier":"gold","points":[1,2]},"name":{"first":"Ada","nickname":"A"}}
            """;

        var customer = Json.Read<Flutterwave.Customer>(json);

        Assert.Equal("gold", customer.AdditionalProperties["loyalty"].GetProperty("tier").GetString());
        Assert.Equal("A", customer.Name!.AdditionalProperties["nickname"].GetString());
        Assert.True(Json.SameJson(json, Json.Write(customer)), Json.Write(customer));
    }

    [Fact]
    public void EveryFormat_RoundTrips()
    {
        const string json = """
            {"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","name":"Rex","kind":"dog","status":"sold","weight":12.3456789012345678,
             "age":7,"born":"2019-04-30","seen":"2025-03-27T10:00:00.123456789Z","homepage":"https://example.test/rex?a=1",
             "photo":"AQID","big":9007199254740993,"ratio":0.1,"vaccinated":true,"tags":["a","b"],"grid":[[1,2],[3]],
             "scores":{"x":1,"y":2},"meta":{"any":{"nested":[true,null]}},"anything":[1,"two"],"nickname":null,
             "owner":{"name":"Sam","mentor":{"name":"Ann","friends":[{"name":"Bo"}]}},"class":"c","Name":"upper","tag":"only"}
            """;

        var pet = Json.Read<Pet>(json);

        Assert.Equal(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), pet.Id);
        Assert.Equal(12.3456789012345678m, pet.Weight);
        Assert.Equal(new DateOnly(2019, 4, 30), pet.Born);
        Assert.Equal(new DateTimeOffset(2025, 3, 27, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), pet.Seen);
        Assert.Equal(new byte[] { 1, 2, 3 }, pet.Photo);
        Assert.Equal(9007199254740993L, pet.Big);
        Assert.Equal(new[] { 3 }, pet.Grid![1]);
        Assert.Equal(2, pet.Scores!["y"]);
        Assert.Equal("Bo", pet.Owner!.Mentor!.Friends![0].Name);
        Assert.Equal("c", pet.Class);
        Assert.Equal("upper", pet.Name2);
        Assert.Equal(JsonValueKind.Array, pet.Anything!.Value.ValueKind);

        // Everything but the nanoseconds (beyond DateTimeOffset's ticks) and null-valued optional members comes back as it went in.
        var expected = JsonNode.Parse(json)!.AsObject();
        expected["seen"] = "2025-03-27T10:00:00.1234567+00:00";
        expected.Remove("nickname");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(Json.Write(pet))), Json.Write(pet));
    }

    [Fact]
    public void MissingRequiredProperty_FailsNamingTheTypeAndMember_NotTheValue()
    {
        var error = Assert.Throws<JsonException>(() => Json.Read<Flutterwave.Customer>("""{"id":"cus_1","name":{"first":"4242424242424242"}}"""));

        Assert.Contains("Customer", error.Message, StringComparison.Ordinal);
        Assert.Contains("'email'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullForRequiredNonNullableMember_FailsClearly()
    {
        var error = Assert.Throws<JsonException>(() => Json.Read<Flutterwave.Customer>("""{"id":"cus_1","email":null}"""));

        Assert.Contains("null for 'email'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTokenType_FailsWithoutEchoingTheValue()
    {
        var error = Assert.Throws<JsonException>(() => Json.Read<Flutterwave.Card>("""{"nonce":"abcdefghijkl","encrypted_card_number":{"pan":"4242424242424242"},"encrypted_expiry_month":"x","encrypted_expiry_year":"y"}"""));

        Assert.Contains("Expected a string but found an object", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyRequiredMember_IsOptionalInCSharp_ButRequiredInResponses()
    {
        var pet = new Pet { Name = "Rex", Kind = PetKind.Cat };
        Assert.Null(pet.Id);

        Assert.Throws<JsonException>(() => Json.Read<Pet>("""{"name":"Rex","kind":"cat"}"""));
    }

    [Fact]
    public void OptionalNullMembers_AreLeftOut_RequiredNullableOnesAreWrittenAsNull()
    {
        var pet = new Pet { Name = "Rex", Kind = PetKind.Dog };

        Assert.Equal("""{"name":"Rex","kind":"dog"}""", Json.Write(pet));
    }

    [Fact]
    public void NumbersAsStrings_AndStringsAsNumbers_AreReadWithoutLoss()
    {
        var charge = Json.Read<Flutterwave.Charge>("""{"id":"chg_1","amount":"200.50","currency":"NGN","reference":"ref-123456","status":"pending","processor_response":{"type":"approved","code":0}}""");

        Assert.Equal(200.50m, charge.Amount);
        Assert.Equal("0", charge.ProcessorResponse!.Code);
    }

    [Fact]
    public void FreeFormMeta_IsAMutableJsonObject()
    {
        var request = new Flutterwave.CustomerRequest { Email = "ada@example.com", Meta = new JsonObject { ["order"] = "A-1", ["items"] = 3 } };

        Assert.Equal("""{"email":"ada@example.com","meta":{"order":"A-1","items":3}}""", Json.Write(request));
    }
}
