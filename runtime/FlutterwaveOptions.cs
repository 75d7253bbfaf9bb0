using System;
using Flutterwave.Runtime.Annotations;

namespace Flutterwave.Runtime;

/// <summary>
/// Settings for one generated client: where it sends, how it authenticates, how it encrypts card data and how
/// hard it retries. Bind them from configuration (section <c>Flutterwave</c> for the bundled spec) or set them in code.
/// </summary>
/// <remarks>
/// Settings are validated when the client is first resolved (or built without DI); every message names the
/// setting and never echoes a secret. Which credentials are needed depends on the spec's security scheme:
/// OAuth2 client credentials use <see cref="ClientId"/> and <see cref="ClientSecret"/>; an apiKey scheme uses
/// <see cref="ApiKey"/>; HTTP bearer uses <see cref="AccessToken"/>; HTTP basic uses <see cref="ClientId"/> as the
/// user name and <see cref="ClientSecret"/> as the password.
/// </remarks>
public sealed class FlutterwaveOptions
{
    /// <summary>The API's base address; operation paths are appended to it. Default: the spec's first server.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The OAuth2 client id (or the HTTP basic user name).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret (or the HTTP basic password).</summary>
    [Secret]
    public string? ClientSecret { get; set; }

    /// <summary>The OAuth2 token endpoint. Default: the <c>tokenUrl</c> of the spec's client-credentials flow.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>
    /// The card encryption key as the dashboard shows it: base64 text decoding to 32 bytes. Needed only to send card
    /// data or PINs in plaintext members, which the client then encrypts.
    /// </summary>
    [Secret]
    public string? EncryptionKey { get; set; }

    /// <summary>The API key, for specs that declare an <c>apiKey</c> security scheme.</summary>
    [Secret]
    public string? ApiKey { get; set; }

    /// <summary>A fixed access token, for specs that declare an HTTP <c>bearer</c> scheme without OAuth2.</summary>
    [Secret]
    public string? AccessToken { get; set; }

    /// <summary>How many times a failed attempt is retried (connection failures, timeouts, 408, 429, 5xx). Default 2; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one attempt may take before it is abandoned (and retried, if retries remain). Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait a server's <c>Retry-After</c> can impose before a retry. Default 30 seconds; longer answers fail instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The base delay of the exponential backoff between retries (with jitter). Default 500 milliseconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    /// <remarks>Shows which settings are set, never a secret's value.</remarks>
    public override string ToString() =>
        $"FlutterwaveOptions {{ BaseAddress = {BaseAddress}, ClientId = {ClientId}, ClientSecret = {Mask(ClientSecret)}, " +
        $"TokenEndpoint = {TokenEndpoint}, EncryptionKey = {Mask(EncryptionKey)}, ApiKey = {Mask(ApiKey)}, AccessToken = {Mask(AccessToken)}, " +
        $"MaxRetries = {MaxRetries}, Timeout = {Timeout} }}";

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
