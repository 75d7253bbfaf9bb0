namespace Checkout;

/// <summary>Where the sample sends its calls, with which credentials, and what kind of server answers.</summary>
/// <remarks>Holds secrets: <see cref="ToString"/> shows only what is safe to print.</remarks>
internal sealed class ServerConnection
{
    /// <summary>The API's base address, ending with <c>/</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The OAuth2 token endpoint; <see langword="null"/> means the spec's default.</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>The OAuth2 client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The OAuth2 client secret. Never printed.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>The card encryption key (base64 of 32 bytes). Never printed.</summary>
    public required string EncryptionKey { get; init; }

    /// <summary>The one-time code to answer <c>requires_otp</c> with. Never printed.</summary>
    public required string OneTimeCode { get; init; }

    /// <summary>Whether this is the sandbox the sample started itself.</summary>
    public bool IsEmbeddedSandbox { get; init; }

    /// <summary>
    /// Whether the server is a sandbox on this machine: the embedded one, or one on loopback (a standalone sandbox, or
    /// the one a test starts). Only there does the sample use sandbox-only inputs (the test bank account, payout
    /// scenario keys) and expect sandbox behaviour (settlement on read); anything else gets documented calls only.
    /// </summary>
    public bool IsLocalSandbox => IsEmbeddedSandbox || BaseAddress.IsLoopback;

    /// <summary>
    /// Whether the sample may play the customer at a redirect URL: only for a sandbox on this machine, whose
    /// <c>/sandbox/redirects/</c> page finishes the step. Anything else is a real page for a real customer.
    /// </summary>
    /// <param name="redirect">The <c>redirect_url</c> next action's URL.</param>
    /// <returns>Whether a GET of that URL stands in for the customer.</returns>
    public bool CanPlayCustomerAt(Uri redirect) =>
        redirect.IsLoopback
        && BaseAddress.IsLoopback
        && (redirect.Scheme is "http" or "https")
        && redirect.AbsolutePath.Contains("/sandbox/redirects/", StringComparison.Ordinal);

    /// <summary>Shows the address and client id, never a secret.</summary>
    /// <returns>A description safe for the console.</returns>
    public override string ToString() =>
        $"{BaseAddress} (client id {ClientId}, token endpoint {TokenEndpoint?.ToString() ?? "the spec's default"})";
}
