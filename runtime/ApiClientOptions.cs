using System;
using System.Collections.Generic;
using Flutterwave.Runtime.Annotations;

namespace Flutterwave.Runtime;

/// <summary>
/// Settings for one generated client: where it sends, how it authenticates and how hard it retries. Bind them from
/// configuration (section named after the client) or set them in code.
/// </summary>
/// <remarks>
/// Settings are validated when the client is first resolved (or built without DI); every message names the
/// setting and never echoes a secret. Which credentials are needed depends on the spec's security scheme:
/// OAuth2 client credentials use <see cref="ClientId"/> and <see cref="ClientSecret"/>; an apiKey scheme uses
/// <see cref="ApiKey"/>; HTTP bearer uses <see cref="AccessToken"/>; HTTP basic uses <see cref="ClientId"/> as the
/// user name and <see cref="ClientSecret"/> as the password.
/// </remarks>
public class ApiClientOptions
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

    /// <summary>The API key, for specs that declare an <c>apiKey</c> security scheme.</summary>
    [Secret]
    public string? ApiKey { get; set; }

    /// <summary>A fixed access token, for specs that declare an HTTP <c>bearer</c> scheme.</summary>
    [Secret]
    public string? AccessToken { get; set; }

    /// <summary>
    /// How many times a failed attempt is retried (connection failures, timeouts, 408, 429, 5xx). Default 2; 0 turns
    /// retries off. A POST or PATCH is retried only when it carries an idempotency key (or on 429, which the server
    /// answers before acting), so a request the server may have acted on is never sent twice without one.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one attempt may take before it is abandoned (and retried, if retries remain). Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait a server's <c>Retry-After</c> can impose before a retry. Default 30 seconds; longer answers fail instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The base delay of the exponential backoff between retries (with jitter). Default 500 milliseconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The card encryption key, for options types that carry one; <see langword="null"/> here.</summary>
    internal virtual string? CardEncryptionKey => null;

    /// <inheritdoc />
    /// <remarks>Shows which settings are set, never a secret's value.</remarks>
    public override string ToString() =>
        $"{GetType().Name} {{ BaseAddress = {BaseAddress}, ClientId = {ClientId}, ClientSecret = {Mask(ClientSecret)}, " +
        $"TokenEndpoint = {TokenEndpoint}, {ExtraSettings()}ApiKey = {Mask(ApiKey)}, AccessToken = {Mask(AccessToken)}, " +
        $"MaxRetries = {MaxRetries}, Timeout = {Timeout} }}";

    /// <summary>Copies the settings an options subtype adds from a configuration section (through <paramref name="read"/>).</summary>
    internal virtual void BindExtra(Func<string, string?> read)
    {
    }

    /// <summary>Checks the settings an options subtype adds.</summary>
    internal virtual void CheckExtra(string client, List<string> failures)
    {
    }

    /// <summary>The subtype's settings for <see cref="ToString"/>, each followed by <c>", "</c>.</summary>
    internal virtual string ExtraSettings() => string.Empty;

    internal static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
