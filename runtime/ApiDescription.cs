using System;
using System.Collections.Generic;
using System.Threading;
using Flutterwave.Runtime.Diagnostics;

namespace Flutterwave.Runtime;

/// <summary>How a spec's security scheme authenticates a request.</summary>
public enum ApiSecuritySchemeKind
{
    /// <summary>OAuth2 client credentials: a bearer token fetched from the token endpoint with the client id and secret.</summary>
    OAuth2ClientCredentials,

    /// <summary>An API key in a request header.</summary>
    ApiKeyHeader,

    /// <summary>An API key in the query string.</summary>
    ApiKeyQuery,

    /// <summary>HTTP bearer with a fixed token.</summary>
    HttpBearer,

    /// <summary>HTTP basic with a user name and password.</summary>
    HttpBasic,
}

/// <summary>One security scheme the spec declares.</summary>
/// <param name="Key">The scheme's name under <c>components.securitySchemes</c>.</param>
/// <param name="Kind">How it authenticates.</param>
/// <param name="ParameterName">For API keys: the header or query parameter name.</param>
/// <param name="TokenUrl">For OAuth2: the token endpoint the spec names, when it is absolute.</param>
public sealed record ApiSecurityScheme(string Key, ApiSecuritySchemeKind Kind, string? ParameterName = null, Uri? TokenUrl = null);

/// <summary>
/// What a generated client knows about its API from the spec: its name, its first server, its security schemes and
/// the name it reports telemetry under. Generated as <c>{ClientName}.Description</c>; the runtime uses it for
/// defaults, validation, logging and metrics.
/// </summary>
public sealed class ApiDescription
{
    private ApiTelemetry? _telemetry;

    /// <summary>Creates a description.</summary>
    /// <param name="clientName">The generated client's name; also the name of its HTTP client and options.</param>
    /// <param name="defaultBaseAddress">The spec's first absolute server URL, if any.</param>
    /// <param name="securitySchemes">The security schemes the runtime can apply, in the spec's order.</param>
    /// <param name="telemetryName">The activity source and meter name (the client's namespace); default: <paramref name="clientName"/>.</param>
    public ApiDescription(string clientName, Uri? defaultBaseAddress, IReadOnlyList<ApiSecurityScheme> securitySchemes, string? telemetryName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        ClientName = clientName;
        DefaultBaseAddress = defaultBaseAddress;
        SecuritySchemes = securitySchemes ?? throw new ArgumentNullException(nameof(securitySchemes));
        TelemetryName = string.IsNullOrEmpty(telemetryName) ? clientName : telemetryName;
    }

    /// <summary>The name of the client's activity source and meter, and the start of its logger category.</summary>
    public string TelemetryName { get; }

    /// <summary>The client's activity source and instruments, created on first use.</summary>
    public ApiTelemetry Telemetry => LazyInitializer.EnsureInitialized(ref _telemetry, () => new ApiTelemetry(TelemetryName));

    /// <summary>The logger category of the client's logs: its telemetry name and client name.</summary>
    public string LoggerCategory => TelemetryName + "." + ClientName;

    /// <summary>The generated client's name.</summary>
    public string ClientName { get; }

    /// <summary>The spec's first absolute server URL, or <see langword="null"/>.</summary>
    public Uri? DefaultBaseAddress { get; }

    /// <summary>The security schemes, in the spec's order.</summary>
    public IReadOnlyList<ApiSecurityScheme> SecuritySchemes { get; }

    /// <summary>The scheme the client uses with <paramref name="options"/>: the first whose credentials are set.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The scheme, or <see langword="null"/> when the spec declares none or none is configured.</returns>
    public ApiSecurityScheme? SelectScheme(ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var scheme in SecuritySchemes)
        {
            var configured = scheme.Kind switch
            {
                ApiSecuritySchemeKind.OAuth2ClientCredentials or ApiSecuritySchemeKind.HttpBasic =>
                    !string.IsNullOrEmpty(options.ClientId) || !string.IsNullOrEmpty(options.ClientSecret),
                ApiSecuritySchemeKind.ApiKeyHeader or ApiSecuritySchemeKind.ApiKeyQuery => !string.IsNullOrEmpty(options.ApiKey),
                ApiSecuritySchemeKind.HttpBearer => !string.IsNullOrEmpty(options.AccessToken),
                _ => false,
            };
            if (configured)
            {
                return scheme;
            }
        }

        return null;
    }
}
