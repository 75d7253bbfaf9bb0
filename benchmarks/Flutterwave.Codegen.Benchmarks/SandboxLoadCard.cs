namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// What every charge of the sandbox load benchmarks carries: a Luhn-valid test card with a future expiry, a customer
/// e-mail and an amount. Both senders (generated client and hand-written baseline) charge exactly this; the card
/// fields are encrypted per request and never printed.
/// </summary>
internal static class SandboxLoadCard
{
    public const decimal Amount = 100m;
    public const string Currency = "NGN";
    public const string Email = "ada@example.com";
    public const string CardNumber = "5531886652142950";
    public const string ExpiryMonth = "09";
    public const string ExpiryYear = "32";
    public const string Cvv = "564";
    public const string HolderName = "Test Holder";

    /// <summary>The status the sandbox gives a card charge sent without a scenario (the issuer approves it).</summary>
    public const string SucceededStatus = "succeeded";
}
