using System.Net;

namespace Flutterwave.Sandbox.Api;

/// <summary>The checked, immutable form of <see cref="SandboxOptions"/> the server runs with.</summary>
internal sealed class SandboxSettings
{
    private SandboxSettings(SandboxOptions options, IPAddress address, byte[] key)
    {
        Address = address;
        Key = key;
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        TokenLifetime = options.TokenLifetime;
        Otp = options.Otp;
        MaxRequestBodyBytes = options.MaxRequestBodyBytes;
        LogRequests = options.LogRequests;
        Clock = options.TimeProvider;
        RateQuoteLifetime = options.RateQuoteLifetime;
        WalletBalances = options.WalletBalances.ToArray();
    }

    public IPAddress Address { get; }

    public byte[] Key { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public TimeSpan TokenLifetime { get; }

    public string Otp { get; }

    public int MaxRequestBodyBytes { get; }

    public bool LogRequests { get; }

    public TimeProvider Clock { get; }

    public TimeSpan RateQuoteLifetime { get; }

    /// <summary>Opening balances, in the order the options list them.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> WalletBalances { get; }

    public static SandboxSettings From(SandboxOptions options)
    {
        if (!IPAddress.TryParse(options.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("SandboxOptions.Host must be a loopback address such as 127.0.0.1.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException("SandboxOptions.Port must be between 0 and 65535.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new ArgumentException("SandboxOptions.ClientId and ClientSecret must be set.", nameof(options));
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(options.EncryptionKey ?? string.Empty);
        }
        catch (FormatException)
        {
            throw new ArgumentException("SandboxOptions.EncryptionKey is not base64 text.", nameof(options));
        }

        if (key.Length != 32)
        {
            throw new ArgumentException($"SandboxOptions.EncryptionKey must decode to 32 bytes; it decodes to {key.Length}.", nameof(options));
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("SandboxOptions.TokenLifetime must be positive.", nameof(options));
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            throw new ArgumentException("SandboxOptions.MaxRequestBodyBytes must be at least 1024.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.Otp))
        {
            throw new ArgumentException("SandboxOptions.Otp must be set.", nameof(options));
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("SandboxOptions.TimeProvider must be set (TimeProvider.System by default).", nameof(options));
        }

        if (options.RateQuoteLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("SandboxOptions.RateQuoteLifetime must be positive.", nameof(options));
        }

        foreach (var (currency, balance) in options.WalletBalances)
        {
            if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper) || balance < 0)
            {
                throw new ArgumentException("SandboxOptions.WalletBalances needs three-letter upper-case currency codes and amounts of at least 0.", nameof(options));
            }
        }

        FaultSettings.Check(options.Faults);
        return new SandboxSettings(options, address, key) { Faults = FaultSettings.From(options.Faults) };
    }

    public FaultSettings Faults { get; private init; } = null!;
}

/// <summary>An immutable copy of the fault settings; swapped whole when changed at run time.</summary>
internal sealed record FaultSettings(TimeSpan Latency, double ServerErrorRate, double DropAfterCommitRate, int? Seed, bool IncludeTokenEndpoint)
{
    public static FaultSettings From(SandboxFaultOptions options) =>
        new(options.Latency, options.ServerErrorRate, options.DropAfterCommitRate, options.Seed, options.IncludeTokenEndpoint);

    public static void Check(SandboxFaultOptions options)
    {
        if (options.Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("SandboxFaultOptions.Latency must not be negative.", nameof(options));
        }

        if (options.ServerErrorRate is < 0 or > 1 || double.IsNaN(options.ServerErrorRate)
            || options.DropAfterCommitRate is < 0 or > 1 || double.IsNaN(options.DropAfterCommitRate)
            || options.ServerErrorRate + options.DropAfterCommitRate > 1)
        {
            throw new ArgumentException("SandboxFaultOptions rates must be between 0 and 1 and add up to at most 1.", nameof(options));
        }
    }

    public SandboxFaultOptions ToOptions() => new()
    {
        Latency = Latency,
        ServerErrorRate = ServerErrorRate,
        DropAfterCommitRate = DropAfterCommitRate,
        Seed = Seed,
        IncludeTokenEndpoint = IncludeTokenEndpoint,
    };
}
