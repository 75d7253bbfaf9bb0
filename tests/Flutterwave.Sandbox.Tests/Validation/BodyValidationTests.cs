using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;
using Xunit;

namespace Flutterwave.Sandbox.Tests.Validation;

public sealed class BodyValidationTests
{
    [Theory]
    [InlineData("initiateOrchestratorCharge")]
    [InlineData("createCharge")]
    public void ValidOrchestratorChargePasses(string operationId)
    {
        Assert.Empty(ChargeBodies.Validate(ChargeBodies.Valid(), operationId));
    }

    [Fact]
    public void UnknownMembersAreAllowedWhereTheSpecDoesNotForbidThem()
    {
        var body = ChargeBodies.Valid();
        body["extra"] = "kept";
        body["payment_method"]!["card"]!["extra"] = 1;

        Assert.Empty(ChargeBodies.Validate(body));
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("reference")]
    [InlineData("currency")]
    [InlineData("payment_method.type")]
    [InlineData("payment_method.card.nonce")]
    [InlineData("customer.email")]
    public void MissingRequiredMemberIsNamed(string path)
    {
        var errors = ChargeBodies.Validate(ChargeBodies.Without(path));

        Assert.Equal(new[] { new FieldError(path, "is required") }, errors);
    }

    [Fact]
    public void AmountAsStringIsATypeError()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("amount", "12.34"));

        Assert.Equal(new[] { new FieldError("amount", "must be a number") }, errors);
        ChargeBodies.AssertNoEcho(errors, "12.34");
    }

    [Fact]
    public void CustomerAsArrayIsATypeError()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("customer", new JsonArray("cornelius@example.com")));

        Assert.Equal(new[] { new FieldError("customer", "must be an object") }, errors);
    }

    [Fact]
    public void NullMemberIsATypeErrorNotAMissingOne()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("amount", null));

        Assert.Equal(new[] { new FieldError("amount", "must be a number") }, errors);
    }

    [Theory]
    [InlineData("chg-1")]
    [InlineData("chg-20250327-0001-chg-20250327-0001-chg-2025")]
    public void ReferenceOutsideItsLengthIsRejected(string reference)
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("reference", reference));

        Assert.Equal(new[] { new FieldError("reference", "must be 6 to 42 characters long") }, errors);
        ChargeBodies.AssertNoEcho(errors, reference);
    }

    [Theory]
    [InlineData("chg_2025_0001")]
    [InlineData("chg 2025 0001")]
    [InlineData("chg-2025-0001\n")]
    [InlineData("chg-٢٠٢٥-0001")]
    public void ReferenceOutsideItsPatternIsRejected(string reference)
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("reference", reference));

        Assert.Equal(new[] { new FieldError("reference", @"must match the pattern ^[a-zA-Z0-9\-]+$") }, errors);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0)]
    [InlineData(-5)]
    public void AmountBelowTheMinimumIsRejected(double amount)
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("amount", JsonNode.Parse(amount.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(new[] { new FieldError("amount", "must be at least 0.01") }, errors);
    }

    [Fact]
    public void AmountAtTheMinimumPasses()
    {
        Assert.Empty(ChargeBodies.Validate(ChargeBodies.With("amount", JsonNode.Parse("0.01"))));
    }

    [Fact]
    public void AmountBeyondWhatTheSandboxCanHoldIsOutOfRange()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("amount", JsonNode.Parse("1e400")));

        Assert.Equal(new[] { new FieldError("amount", "is out of range") }, errors);
    }

    [Fact]
    public void UnknownCurrencyIsRejectedWithoutListingAllCurrencies()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("currency", "XYZ"));

        Assert.Equal(new[] { new FieldError("currency", "must be one of the allowed values") }, errors);
    }

    [Theory]
    [InlineData("cornelius.example.com")]
    [InlineData("cornelius@")]
    [InlineData("@example.com")]
    [InlineData("cor nelius@example.com")]
    [InlineData("cornelius@example")]
    [InlineData("cornelius@@example.com")]
    [InlineData("cornelius@exa_mple.com")]
    public void BadEmailIsRejected(string email)
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("customer.email", email));

        Assert.Equal(new[] { new FieldError("customer.email", "must be a valid email address") }, errors);
        ChargeBodies.AssertNoEcho(errors, email);
    }

    [Theory]
    [InlineData("first.last+tag@sub.example.co")]
    [InlineData("a@b.ng")]
    public void SaneEmailsPass(string email)
    {
        Assert.Empty(ChargeBodies.Validate(ChargeBodies.With("customer.email", email)));
    }

    [Fact]
    public void NonceOfElevenCharactersIsRejected()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("payment_method.card.nonce", "n0Ad6mOzVnL"));

        Assert.Equal(
            new[]
            {
                new FieldError("payment_method.card.nonce", "must be exactly 12 characters long"),
                new FieldError("payment_method.card.nonce", "must match the pattern ^[A-Za-z0-9]{12}$"),
            },
            errors);
    }

    [Fact]
    public void AuthorizationTypeOutsideItsEnumIsRejected()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("authorization.type", "biometric"));

        Assert.Equal(new[] { new FieldError("authorization.type", "must be one of: pin, otp, avs, external_3ds") }, errors);
    }

    [Fact]
    public void PaymentMethodTypeOutsideItsEnumIsRejected()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("payment_method.type", "cheque"));

        Assert.Equal(
            new[] { new FieldError("payment_method.type", "must be one of: card, mobile_money, bank_transfer, ussd, opay, bank_account, applepay, googlepay, paypal") },
            errors);
    }

    [Fact]
    public void RedirectUrlMustBeAbsolute()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("redirect_url", "/payment/complete"));

        Assert.Equal(new[] { new FieldError("redirect_url", "must be an absolute URI") }, errors);
    }

    [Fact]
    public void LongStringWithoutMaxLengthIsCappedWhereTheSchemaDescribesIt()
    {
        var errors = ChargeBodies.Validate(ChargeBodies.With("customer.name.first", new string('a', 5000)));

        Assert.Equal(new[] { new FieldError("customer.name.first", "must be at most 4096 characters long") }, errors);
    }

    [Fact]
    public void LongStringIsCappedInFreeFormMetaToo()
    {
        var body = ChargeBodies.Valid();
        body["meta"]!["note"] = new string('a', 5000);
        body["meta"]!["nested"] = new JsonObject { ["list"] = new JsonArray(new string('b', 4097)) };

        var errors = ChargeBodies.Validate(body);

        Assert.Equal(
            new[]
            {
                new FieldError("meta.note", "must be at most 4096 characters long"),
                new FieldError("meta.nested.list[0]", "must be at most 4096 characters long"),
            },
            errors);
    }

    [Fact]
    public void StringAtTheCapPasses()
    {
        Assert.Empty(ChargeBodies.Validate(ChargeBodies.With("customer.name.first", new string('a', 4096))));
    }

    [Fact]
    public void NestingDeeperThan32IsOneError()
    {
        JsonNode deep = new JsonObject { ["leaf"] = "x" };
        for (var i = 0; i < 40; i++)
        {
            deep = new JsonObject { ["a"] = deep, ["b"] = new string('c', 5000) };
        }

        var errors = ChargeBodies.Validate(ChargeBodies.With("meta", deep));

        Assert.Equal(new[] { new FieldError("body", "is nested more than 32 levels deep") }, errors);
    }

    [Fact]
    public void NestingOf32LevelsPasses()
    {
        // body is level 1 and meta level 2: meta plus 30 objects inside it make 32 levels in all.
        static JsonNode Nest(int levels)
        {
            JsonNode deep = new JsonObject();
            for (var i = 1; i < levels; i++)
            {
                deep = new JsonObject { ["a"] = deep };
            }

            return deep;
        }

        Assert.Empty(ChargeBodies.Validate(ChargeBodies.With("meta", Nest(31))));
        Assert.Equal(
            new[] { new FieldError("body", "is nested more than 32 levels deep") },
            ChargeBodies.Validate(ChargeBodies.With("meta", Nest(32))));
    }

    [Fact]
    public void NullOrMissingRequiredBodyIsOneError()
    {
        var expected = new[] { new FieldError("body", "is required") };

        Assert.Equal(expected, ChargeBodies.Validate(null));
        Assert.Equal(expected, ChargeBodies.Validate(JsonNode.Parse("null")));
        Assert.Equal(expected, ChargeBodies.Validate(JsonValue.Create((string?)null)));
    }

    [Fact]
    public void BodyThatIsNotAnObjectIsNamedBody()
    {
        Assert.Equal(new[] { new FieldError("body", "must be an object") }, ChargeBodies.Validate(new JsonArray(1, 2)));
        Assert.Equal(new[] { new FieldError("body", "must be an object") }, ChargeBodies.Validate(JsonValue.Create("text")));
    }

    [Fact]
    public void OperationWithoutBodyIgnoresOne()
    {
        var spec = ApiSpec.Bundled;

        Assert.Empty(spec.ValidateBody(spec.GetOperation("getCharge"), ChargeBodies.Valid()));
    }

    [Fact]
    public void SeveralErrorsComeBackTogetherInDocumentOrder()
    {
        var body = ChargeBodies.Valid();
        body.Remove("amount");
        body["reference"] = "x!";
        body["customer"]!["email"] = 42;

        var errors = ChargeBodies.Validate(body);

        Assert.Equal(
            new[]
            {
                new FieldError("amount", "is required"),
                new FieldError("reference", "must be 6 to 42 characters long"),
                new FieldError("reference", @"must match the pattern ^[a-zA-Z0-9\-]+$"),
                new FieldError("customer.email", "must be a string"),
            },
            errors);
    }

    [Fact]
    public void ChargeUpdateChecksItsAuthorization()
    {
        var body = new JsonObject { ["authorization"] = new JsonObject { ["type"] = "otp", ["otp"] = new JsonObject() } };

        var errors = ChargeBodies.Validate(body, "updateCharge");

        Assert.Equal(new[] { new FieldError("authorization.otp.code", "is required") }, errors);
    }

    [Fact]
    public void VirtualAccountExpiryMustBeAWholeNumber()
    {
        var body = new JsonObject { ["currency"] = "NGN", ["amount"] = 100, ["expiry"] = 1.5 };

        var errors = ChargeBodies.Validate(body, "createVirtualAccount");

        Assert.Equal(new[] { new FieldError("expiry", "must be an integer") }, errors);
        Assert.Empty(ChargeBodies.Validate(JsonNode.Parse("""{ "currency": "NGN", "expiry": 3600.0 }"""), "createVirtualAccount"));
    }

    [Fact]
    public void VirtualAccountExpiryBeyondInt64IsOutOfRange()
    {
        var errors = ChargeBodies.Validate(JsonNode.Parse("""{ "currency": "NGN", "expiry": 1e20 }"""), "createVirtualAccount");

        Assert.Equal(new[] { new FieldError("expiry", "is out of range") }, errors);
    }
}
