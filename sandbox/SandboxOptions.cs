namespace Flutterwave.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> is set up. Every default is a sandbox-only test value.</summary>
public sealed class SandboxOptions
{
    /// <summary>The sandbox's fixed test client id (used when <see cref="ClientId"/> is left alone).</summary>
    public const string DefaultClientId = "FLWSANDBOX-client-id";

    /// <summary>The sandbox's fixed test client secret. It only opens this sandbox.</summary>
    public const string DefaultClientSecret = "FLWSANDBOX-test-secret-0000";

    /// <summary>
    /// The sandbox's fixed test encryption key (base64 of 32 bytes). It only decrypts what is sent to this sandbox;
    /// never use it anywhere else.
    /// </summary>
    public const string DefaultEncryptionKey = "RkxXU0FOREJPWC10ZXN0LWtleS0wMDAwMDAwMDAwMDA=";

    /// <summary>The address to listen on; loopback by default. Only loopback addresses are accepted.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>The base64 AES-256 key card fields and PINs are decrypted with; must decode to 32 bytes.</summary>
    public string EncryptionKey { get; set; } = DefaultEncryptionKey;

    /// <summary>How long an access token lives; Flutterwave's is 600 seconds.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>The one-time code the sandbox accepts for <c>requires_otp</c>.</summary>
    public string Otp { get; set; } = "123456";

    /// <summary>Largest request body accepted, in bytes; a larger one gets 400.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Faults to inject; all off by default.</summary>
    public SandboxFaultOptions Faults { get; } = new();

    /// <summary>Writes one line per request to the console (the standalone server turns it on).</summary>
    public bool LogRequests { get; set; }

    /// <summary>
    /// The sandbox's clock: object timestamps, rate-quote expiry, scheduled transfers, chargeback due dates and
    /// virtual-account expiry follow it, so a test can move time (for example with a <c>FakeTimeProvider</c>).
    /// Access tokens keep real time, so that a client's token cache stays in step with the server.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The wallet's opening balance per currency (ISO 4217 code to amount), each booked as a <c>funding</c> credit when
    /// the sandbox starts. Clear or lower an entry to test payouts that the balance cannot cover.
    /// </summary>
    public IDictionary<string, decimal> WalletBalances { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["NGN"] = 5_000_000m,
        ["USD"] = 10_000m,
        ["GHS"] = 100_000m,
        ["KES"] = 1_000_000m,
        ["GBP"] = 5_000m,
        ["EUR"] = 5_000m,
    };

    /// <summary>How long a transfer rate quote can be fetched after it was made; later it answers 404.</summary>
    public TimeSpan RateQuoteLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Faults the sandbox injects into API operations (never into the token endpoint unless
/// <see cref="IncludeTokenEndpoint"/> is set). All are off by default.
/// </summary>
public sealed class SandboxFaultOptions
{
    /// <summary>Delay added before every operation is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share of requests (0 to 1) answered 503 before anything is done.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>
    /// Share of requests (0 to 1) whose operation is carried out and committed, after which the connection is dropped
    /// without an answer: the client cannot tell whether it happened.
    /// </summary>
    public double DropAfterCommitRate { get; set; }

    /// <summary>Seed for the fault dice, so a run can be repeated; random when <see langword="null"/>.</summary>
    public int? Seed { get; set; }

    /// <summary>Also inject faults into the token endpoint.</summary>
    public bool IncludeTokenEndpoint { get; set; }
}
