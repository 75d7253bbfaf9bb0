using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;
using Xunit;

namespace Flutterwave.Sandbox.Tests.Validation;

/// <summary>Hostile and random input: the validator answers with errors, never with an exception.</summary>
public sealed class ValidatorRobustnessTests
{
    private static readonly string[] Names =
    {
        "amount", "currency", "reference", "customer", "payment_method", "card", "nonce", "type", "meta", "email",
        "authorization", "pin", "otp", "avs", "3ds", "address", "expiry", "action", "fees", "", "4000000000000002",
    };

    [Fact]
    public void RandomTreesNeverThrowAndStayWithinBounds()
    {
        var random = new Random(20250327);
        var spec = ApiSpec.Bundled;
        for (var round = 0; round < 400; round++)
        {
            var strings = new List<string>();
            var body = RandomNode(random, 0, strings);
            foreach (var operation in spec.Operations)
            {
                var errors = spec.ValidateBody(operation, body);

                AssertSane(errors, strings);
            }
        }
    }

    [Fact]
    public void RandomDamageToAValidChargeNeverThrows()
    {
        var random = new Random(7);
        var operation = ApiSpec.Bundled.GetOperation("initiateOrchestratorCharge");
        for (var round = 0; round < 400; round++)
        {
            var strings = new List<string>();
            var body = ChargeBodies.Valid();
            for (var hits = random.Next(1, 4); hits > 0; hits--)
            {
                Damage(body, random, strings);
            }

            var errors = ApiSpec.Bundled.ValidateBody(operation, body);

            AssertSane(errors, strings);
        }
    }

    [Fact]
    public void RandomParametersNeverThrow()
    {
        var random = new Random(11);
        var spec = ApiSpec.Bundled;
        for (var round = 0; round < 300; round++)
        {
            var strings = new List<string>();
            string? Value(string _)
            {
                if (random.Next(4) == 0)
                {
                    return null;
                }

                var text = RandomString(random, random.Next(5) == 0 ? 300 : 20);
                strings.Add(text);
                return text;
            }

            foreach (var operation in spec.Operations)
            {
                AssertSane(spec.ValidateParameters(operation, Value, Value), strings);
            }
        }
    }

    [Fact]
    public void ValuesThatAreNotJsonAreErrors()
    {
        var body = ChargeBodies.Valid();
        body["amount"] = JsonValue.Create(double.NaN);
        body["meta"]!["when"] = JsonValue.Create(double.PositiveInfinity);

        var errors = ChargeBodies.Validate(body);

        Assert.Equal(
            new[] { new FieldError("amount", "is not a valid JSON value"), new FieldError("meta.when", "is not a valid JSON value") },
            errors);
    }

    [Fact]
    public void ClrValuesAreReadAsTheJsonTheyWrite()
    {
        var body = ChargeBodies.Valid();
        body["amount"] = JsonValue.Create(12.5m);
        body["reference"] = JsonValue.Create(Guid.Parse("3f2b8c1e-9a6d-4e7f-b0c2-d5a8e1f47b96"));
        body["customer"]!["name"]!["first"] = JsonValue.Create('K');

        Assert.Empty(ChargeBodies.Validate(body));
    }

    [Fact]
    public void DuplicateMemberNamesAreAnErrorNotAnException()
    {
        var body = JsonNode.Parse("""{ "amount": 1, "amount": 2, "currency": "NGN", "reference": "abcdef" }""");

        Assert.Equal(new[] { new FieldError("body", "has a member name more than once") }, ChargeBodies.Validate(body));
    }

    [Fact]
    public void VeryDeepTreesAreRefusedWithoutRecursion()
    {
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 100_000; i++)
        {
            deep = new JsonArray(deep);
        }

        var body = ChargeBodies.With("meta", new JsonObject { ["deep"] = deep });

        Assert.Equal(new[] { new FieldError("body", "is nested more than 32 levels deep") }, ChargeBodies.Validate(body));
    }

    private static void AssertSane(IReadOnlyList<FieldError> errors, List<string> strings)
    {
        Assert.True(errors.Count <= SchemaValidator.MaxErrors);
        foreach (var error in errors)
        {
            Assert.NotEqual(ApiSpec.UncheckableMessage, error.Message);
            Assert.False(string.IsNullOrEmpty(error.Field));
            Assert.False(string.IsNullOrEmpty(error.Message));
            Assert.True(error.Field.Length <= 400, "a field path is longer than 400 characters");
        }

        foreach (var text in strings.Where(s => s.Length >= 8))
        {
            ChargeBodies.AssertNoEcho(errors, text);
            Assert.DoesNotContain(errors, e => e.Field.Contains(text, StringComparison.Ordinal));
        }
    }

    private static JsonNode? RandomNode(Random random, int depth, List<string> strings)
    {
        var choice = random.Next(depth > 36 ? 9 : 12);
        switch (choice)
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(random.Next(2) == 0);
            case 2:
                return JsonValue.Create(random.Next(-1000, 1000));
            case 3:
                return JsonNode.Parse(RandomNumberText(random));
            case 4:
            {
                var text = RandomString(random, random.Next(6) == 0 ? 6000 : 30);
                strings.Add(text);
                return JsonValue.Create(text);
            }

            case 5:
                return random.Next(5) switch
                {
                    0 => JsonValue.Create(double.NaN),
                    1 => JsonValue.Create(double.NegativeInfinity),
                    2 => JsonValue.Create(Guid.NewGuid()),
                    3 => JsonValue.Create(decimal.MaxValue),
                    _ => JsonValue.Create(random.NextDouble() * 1e300),
                };
            case 6:
                return JsonValue.Create(Names[random.Next(Names.Length)]);
            case 7:
            case 8:
                return JsonValue.Create("NGN");
            case 9:
            {
                var array = new JsonArray();
                for (var i = random.Next(5); i > 0; i--)
                {
                    array.Add(RandomNode(random, depth + 1, strings));
                }

                return array;
            }

            default:
            {
                var obj = new JsonObject();
                for (var i = random.Next(7); i > 0; i--)
                {
                    // Member names may appear in field paths (as names, or "*" when they could carry data); values never.
                    var name = random.Next(3) == 0 ? RandomString(random, 10) : Names[random.Next(Names.Length)];
                    obj[name] = RandomNode(random, depth + 1, strings);
                }

                return obj;
            }
        }
    }

    private static void Damage(JsonObject body, Random random, List<string> strings)
    {
        // Walk down a random branch of objects and replace (or remove) what is there.
        var current = body;
        while (true)
        {
            var members = current.Select(m => m.Key).ToArray();
            if (members.Length == 0)
            {
                current["x"] = RandomNode(random, 1, strings);
                return;
            }

            var name = members[random.Next(members.Length)];
            if (current[name] is JsonObject child && random.Next(3) > 0)
            {
                current = child;
                continue;
            }

            if (random.Next(4) == 0)
            {
                current.Remove(name);
            }
            else
            {
                current[name] = RandomNode(random, 1, strings);
            }

            return;
        }
    }

    private static string RandomNumberText(Random random) => random.Next(6) switch
    {
        0 => "1e400",
        1 => "-1e-400",
        2 => "123456789012345678901234567890",
        3 => "0.000000000000000000000000000000001",
        4 => (random.NextDouble() * 100).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) + ".0",
    };

    private static string RandomString(Random random, int maxLength)
    {
        var length = random.Next(maxLength + 1);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(8) switch
            {
                0 => (char)random.Next(0xD800, 0xE000), // lone surrogates
                1 => (char)random.Next(0, 32),
                2 => "0123456789"[random.Next(10)],
                3 => "@.-_ /:+"[random.Next(8)],
                _ => (char)random.Next('a', 'z' + 1),
            });
        }

        return text.ToString();
    }
}
