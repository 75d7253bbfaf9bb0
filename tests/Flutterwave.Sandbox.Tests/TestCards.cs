using System;
using Flutterwave;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Test card data (a Luhn-valid test number, a future expiry) and request builders.</summary>
internal static class TestCards
{
    public const string Pan = "5531886652142950";
    public const string Cvv = "564";
    public const string Pin = "3310";

    public static string NewReference(string prefix = "ref") => prefix + "-" + Guid.NewGuid().ToString("N")[..20];

    public static Card Card(string pan = Pan, string expiryYear = "32") =>
        new() { CardNumber = pan, Cvv = Cvv, ExpiryMonth = "09", ExpiryYear = expiryYear, CardHolderName = "Test Holder" };

    public static ChargeRequest DirectCharge(string? reference = null, decimal amount = 100m, Card? card = null) => new()
    {
        Amount = amount,
        Currency = Currency.NGN,
        Reference = reference ?? NewReference("chg"),
        Customer = new CustomerRequest { Email = "ada@example.com" },
        PaymentMethod = new PaymentMethodRequest { Type = "card", Card = card ?? Card() },
    };

    public static OrderRequest DirectOrder(string? reference = null, decimal amount = 250m) => new()
    {
        Amount = amount,
        Currency = Currency.NGN,
        Reference = reference ?? NewReference("ord"),
        Customer = new CustomerRequest { Email = "ada@example.com" },
        PaymentMethod = new PaymentMethodRequest { Type = "card", Card = Card() },
    };
}
