using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;
using Xunit;

namespace Flutterwave.Sandbox.Tests.Validation;

/// <summary>A valid orchestrator ChargeRequest and helpers to break one field of it.</summary>
internal static class ChargeBodies
{
    // The card fields are the spec's own example ciphertexts: no card data in clear anywhere.
    private const string ValidJson = """
        {
          "amount": 12.34,
          "currency": "NGN",
          "reference": "chg-20250327-0001",
          "customer": {
            "email": "cornelius@example.com",
            "name": { "first": "King", "last": "LeBron" },
            "phone": { "country_code": "234", "number": "8012345678" },
            "address": { "city": "Lagos", "country": "NG", "line1": "123 Main Street" }
          },
          "payment_method": {
            "type": "card",
            "card": {
              "nonce": "n0Ad6mOzVnLI",
              "encrypted_card_number": "sAE3hEDaDQ+yLzo4Py+Lx15OZjBGduHu/DcdILh3En0=",
              "encrypted_expiry_month": "sQpvQEb7GrUCjPuEN/NmHiPl",
              "encrypted_expiry_year": "sgHNEDkJ/RmwuWWq/RymToU5",
              "encrypted_cvv": "tAUzH7Qjma7diGdi7938F/ESNA=="
            }
          },
          "redirect_url": "https://example.com/payment/complete",
          "authorization": { "type": "pin", "pin": { "nonce": "k3Jd9sLq0ZxW", "encrypted_pin": "c2FuZGJveA==" } },
          "meta": { "order": "A-1", "tags": ["a", "b"] }
        }
        """;

    public static JsonObject Valid() => JsonNode.Parse(ValidJson)!.AsObject();

    /// <summary>The valid body with the member at a dotted path replaced.</summary>
    public static JsonObject With(string path, JsonNode? value)
    {
        var body = Valid();
        var (parent, name) = Locate(body, path);
        parent[name] = value;
        return body;
    }

    /// <summary>The valid body without the member at a dotted path.</summary>
    public static JsonObject Without(string path)
    {
        var body = Valid();
        var (parent, name) = Locate(body, path);
        Assert.True(parent.Remove(name), $"the valid body has no {path}");
        return body;
    }

    public static IReadOnlyList<FieldError> Validate(JsonNode? body, string operationId = "initiateOrchestratorCharge") =>
        ApiSpec.Bundled.ValidateBody(ApiSpec.Bundled.GetOperation(operationId), body);

    /// <summary>Asserts no message repeats <paramref name="value"/> (the field path may name a member, never a value).</summary>
    public static void AssertNoEcho(IEnumerable<FieldError> errors, string value)
    {
        foreach (var error in errors)
        {
            Assert.False(error.Message.Contains(value, StringComparison.Ordinal), "an error message repeats the rejected value");
        }
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject body, string path)
    {
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(body, (node, name) => node[name]!.AsObject());
        return (parent, names[^1]);
    }
}
