using System;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Flutterwave v4's fixed facts, in one place (see the project's flutterwave-v4-facts: headers, key rules, the token
/// endpoint). Only conventions of the Flutterwave profile read them.
/// </summary>
internal static class FlutterwaveFacts
{
    /// <summary>Every POST accepts it; a repeated key replays the first answer.</summary>
    public const string IdempotencyKeyHeader = "X-Idempotency-Key";

    /// <summary>Every operation accepts it.</summary>
    public const string TraceIdHeader = "X-Trace-Id";

    /// <summary>Sandbox only: selects a simulated flow (operations that create or continue a payment).</summary>
    public const string ScenarioKeyHeader = "X-Scenario-Key";

    /// <summary>Trace ids and idempotency keys: 12 to 255 characters.</summary>
    public const int KeyMinLength = 12;

    public const int KeyMaxLength = 255;

    /// <summary>Scenario keys: 1 to 1000 characters.</summary>
    public const int ScenarioMinLength = 1;

    public const int ScenarioMaxLength = 1000;

    /// <summary>OAuth2 client credentials: where tokens come from (the bundled spec names it too).</summary>
    public const string TokenUrl = "https://idp.flutterwave.com/realms/flutterwave/protocol/openid-connect/token";

    /// <summary>Whether a URL's host is flutterwave.com or one of its subdomains.</summary>
    public static bool IsFlutterwaveHost(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host;
        return string.Equals(host, "flutterwave.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".flutterwave.com", StringComparison.OrdinalIgnoreCase);
    }
}
