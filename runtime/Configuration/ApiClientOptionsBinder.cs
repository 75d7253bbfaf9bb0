using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Flutterwave.Runtime.Configuration;

/// <summary>
/// Binds <see cref="ApiClientOptions"/> (and <see cref="FlutterwaveOptions"/>) from a configuration section without
/// reflection (trimming and AOT safe). Keys are the property names: <c>BaseAddress</c>, <c>ClientId</c>,
/// <c>ClientSecret</c>, <c>TokenEndpoint</c>, <c>ApiKey</c>, <c>AccessToken</c>, <c>MaxRetries</c>, <c>Timeout</c>,
/// <c>MaxRetryAfter</c>, <c>RetryBaseDelay</c>, and <c>EncryptionKey</c> for <see cref="FlutterwaveOptions"/>. Absent
/// keys leave the current value.
/// </summary>
public static class ApiClientOptionsBinder
{
    /// <summary>Copies the values present in <paramref name="section"/> onto <paramref name="options"/>.</summary>
    /// <param name="section">The configuration section, e.g. <c>configuration.GetSection("Flutterwave")</c>.</param>
    /// <param name="options">The options to fill.</param>
    /// <exception cref="FormatException">A value cannot be parsed; the message names the key (and shows the value only for non-secret keys).</exception>
    public static void Bind(IConfiguration section, ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var path = section is IConfigurationSection s ? s.Path + ":" : string.Empty;

        if (section[nameof(ApiClientOptions.BaseAddress)] is { } baseAddress)
        {
            options.BaseAddress = ParseUri(path + nameof(ApiClientOptions.BaseAddress), baseAddress);
        }

        if (section[nameof(ApiClientOptions.TokenEndpoint)] is { } tokenEndpoint)
        {
            options.TokenEndpoint = ParseUri(path + nameof(ApiClientOptions.TokenEndpoint), tokenEndpoint);
        }

        options.ClientId = section[nameof(ApiClientOptions.ClientId)] ?? options.ClientId;
        options.ClientSecret = section[nameof(ApiClientOptions.ClientSecret)] ?? options.ClientSecret;
        options.BindExtra(key => section[key]);
        options.ApiKey = section[nameof(ApiClientOptions.ApiKey)] ?? options.ApiKey;
        options.AccessToken = section[nameof(ApiClientOptions.AccessToken)] ?? options.AccessToken;

        if (section[nameof(ApiClientOptions.MaxRetries)] is { } maxRetries)
        {
            options.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"Configuration key '{path}{nameof(ApiClientOptions.MaxRetries)}' must be a whole number; it is '{maxRetries}'.");
        }

        options.Timeout = ParseTimeSpan(section, path, nameof(ApiClientOptions.Timeout), options.Timeout);
        options.MaxRetryAfter = ParseTimeSpan(section, path, nameof(ApiClientOptions.MaxRetryAfter), options.MaxRetryAfter);
        options.RetryBaseDelay = ParseTimeSpan(section, path, nameof(ApiClientOptions.RetryBaseDelay), options.RetryBaseDelay);
    }

    private static Uri ParseUri(string key, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new FormatException($"Configuration key '{key}' must be an absolute URL; it is '{text}'.");

    private static TimeSpan ParseTimeSpan(IConfiguration section, string path, string key, TimeSpan current)
    {
        if (section[key] is not { } text)
        {
            return current;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Configuration key '{path}{key}' must be a time span such as 00:00:30; it is '{text}'.");
    }
}
