using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace Flutterwave.Runtime.Configuration;

/// <summary>
/// Validates the named options of one client with <see cref="ApiClientOptionsValidator.Check"/>, when the options
/// are first used (at start-up in a host).
/// </summary>
/// <typeparam name="TOptions">The client's options type.</typeparam>
public sealed class ApiClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ApiClientOptions
{
    private readonly ApiDescription _description;

    /// <summary>Creates a validator for the named options of one client.</summary>
    /// <param name="description">The client's API description.</param>
    public ApiClientOptionsValidator(ApiDescription description) =>
        _description = description ?? throw new ArgumentNullException(nameof(description));

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name, _description.ClientName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = ApiClientOptionsValidator.Check(_description, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Checks <see cref="ApiClientOptions"/> against what the API needs, before the first call. Every message names the
/// setting (as the configuration key under the client's section) and never echoes a secret.
/// </summary>
public static class ApiClientOptionsValidator
{
    /// <summary>Throws when <paramref name="options"/> cannot work, listing every problem at once.</summary>
    /// <param name="description">The client's API description.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="OptionsValidationException">Some setting is missing or invalid.</exception>
    public static void ThrowIfInvalid(ApiDescription description, ApiClientOptions options)
    {
        var failures = Check(description, options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(description.ClientName, options.GetType(), failures);
        }
    }

    /// <summary>Lists what is wrong with <paramref name="options"/>; empty when they are usable.</summary>
    /// <param name="description">The client's API description.</param>
    /// <param name="options">The settings.</param>
    /// <returns>One message per problem.</returns>
    public static IReadOnlyList<string> Check(ApiDescription description, ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        var client = description.ClientName;
        var failures = new List<string>();

        if (options.BaseAddress is { } baseAddress)
        {
            if (!IsHttpUri(baseAddress))
            {
                failures.Add($"{client}: BaseAddress must be an absolute http or https URL.");
            }
        }
        else if (description.DefaultBaseAddress is null)
        {
            failures.Add($"{client}: BaseAddress is not set, and the spec names no absolute server URL to default to.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{client}: MaxRetries must be between 0 and 10; it is {options.MaxRetries}.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{client}: Timeout must be more than zero and at most 10 minutes; it is {options.Timeout}.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{client}: MaxRetryAfter must not be negative.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{client}: RetryBaseDelay must not be negative.");
        }

        options.CheckExtra(client, failures);

        if (options.TokenEndpoint is { } tokenEndpoint && !IsHttpUri(tokenEndpoint))
        {
            failures.Add($"{client}: TokenEndpoint must be an absolute http or https URL.");
        }

        CheckCredentials(description, options, failures);
        return failures;
    }

    private static void CheckCredentials(ApiDescription description, ApiClientOptions options, List<string> failures)
    {
        var client = description.ClientName;
        if (description.SecuritySchemes.Count == 0)
        {
            return;
        }

        var scheme = description.SelectScheme(options);
        if (scheme is null)
        {
            var accepted = string.Join("; ", description.SecuritySchemes.Select(Describe).Distinct());
            failures.Add($"{client}: no credentials are set. The API accepts: {accepted}.");
            return;
        }

        switch (scheme.Kind)
        {
            case ApiSecuritySchemeKind.OAuth2ClientCredentials:
                if (string.IsNullOrEmpty(options.ClientId))
                {
                    failures.Add($"{client}: ClientId is not set (needed with ClientSecret for OAuth2 client credentials).");
                }

                if (string.IsNullOrEmpty(options.ClientSecret))
                {
                    failures.Add($"{client}: ClientSecret is not set (needed with ClientId for OAuth2 client credentials).");
                }

                if (options.TokenEndpoint is null && scheme.TokenUrl is not { IsAbsoluteUri: true })
                {
                    failures.Add($"{client}: TokenEndpoint is not set, and the spec's OAuth2 flow names no absolute token URL.");
                }

                break;
            case ApiSecuritySchemeKind.HttpBasic:
                if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
                {
                    failures.Add($"{client}: HTTP basic needs both ClientId (user name) and ClientSecret (password).");
                }

                break;
        }
    }

    private static string Describe(ApiSecurityScheme scheme) => scheme.Kind switch
    {
        ApiSecuritySchemeKind.OAuth2ClientCredentials => "OAuth2 client credentials (set ClientId and ClientSecret)",
        ApiSecuritySchemeKind.ApiKeyHeader => $"an API key in the {scheme.ParameterName} header (set ApiKey)",
        ApiSecuritySchemeKind.ApiKeyQuery => $"an API key in the {scheme.ParameterName} query parameter (set ApiKey)",
        ApiSecuritySchemeKind.HttpBearer => "an HTTP bearer token (set AccessToken)",
        _ => "HTTP basic (set ClientId and ClientSecret)",
    };

    private static bool IsHttpUri(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
