using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using Flutterwave.Runtime.Authentication;
using Flutterwave.Runtime.Configuration;
using Flutterwave.Runtime.Encryption;
using Flutterwave.Runtime.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flutterwave.Runtime.DependencyInjection;

/// <summary>
/// Registers generated clients with dependency injection. Generated <c>Add{ClientName}</c> methods call these;
/// call them directly only for a client type the generator did not emit an extension for.
/// </summary>
/// <remarks>
/// Each client gets named options and a named <see cref="HttpClient"/> (both named after the client), built by
/// <see cref="IHttpClientFactory"/> with, from the outside in: the retry and attempt-timeout handler, the
/// authentication handler, then any handler the caller adds to the returned builder (which so runs once per attempt).
/// OAuth2 token requests go through a second named client, <c>{ClientName}.Token</c>. Tokens are cached in one
/// <see cref="TokenCache"/> per service provider.
/// </remarks>
public static class ApiClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that sends a client's OAuth2 token requests.</summary>
    /// <param name="clientName">The generated client's name.</param>
    /// <returns><c>{clientName}.Token</c>.</returns>
    public static string TokenHttpClientName(string clientName) => clientName + ".Token";

    /// <summary>Registers <typeparamref name="TClient"/> with options set in code.</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <typeparam name="TOptions">The client's options type (<see cref="ApiClientOptions"/>, or <see cref="FlutterwaveOptions"/> for a client generated with Flutterwave's conventions).</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="description">The client's API description (<c>{ClientName}.Description</c>).</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="create">Creates the client over a transport.</param>
    /// <returns>The client's HTTP client builder, to add handlers or configure further.</returns>
    public static IHttpClientBuilder AddApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        ApiDescription description,
        Action<TOptions> configure,
        Func<IApiTransport, TClient> create)
        where TClient : class
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>(description.ClientName).Configure(configure);
        return AddCore<TClient, TOptions>(services, description, create);
    }

    /// <summary>Registers <typeparamref name="TClient"/> with options bound from a configuration section.</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="description">The client's API description (<c>{ClientName}.Description</c>).</param>
    /// <param name="section">The section holding the settings (keys named as <typeparamref name="TOptions"/>' properties); reloads are followed.</param>
    /// <param name="create">Creates the client over a transport.</param>
    /// <returns>The client's HTTP client builder.</returns>
    public static IHttpClientBuilder AddApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        ApiDescription description,
        IConfiguration section,
        Func<IApiTransport, TClient> create)
        where TClient : class
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<TOptions>(description.ClientName).Configure(options => ApiClientOptionsBinder.Bind(section, options));
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(description.ClientName, section));
        return AddCore<TClient, TOptions>(services, description, create);
    }

    /// <summary>Registers <typeparamref name="TClient"/> with <see cref="ApiClientOptions"/> set in code.</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="description">The client's API description (<c>{ClientName}.Description</c>).</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="create">Creates the client over a transport.</param>
    /// <returns>The client's HTTP client builder, to add handlers or configure further.</returns>
    public static IHttpClientBuilder AddApiClient<TClient>(
        this IServiceCollection services,
        ApiDescription description,
        Action<ApiClientOptions> configure,
        Func<IApiTransport, TClient> create)
        where TClient : class =>
        AddApiClient<TClient, ApiClientOptions>(services, description, configure, create);

    /// <summary>Registers <typeparamref name="TClient"/> with <see cref="ApiClientOptions"/> bound from a configuration section.</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="description">The client's API description (<c>{ClientName}.Description</c>).</param>
    /// <param name="section">The section holding the settings; reloads are followed.</param>
    /// <param name="create">Creates the client over a transport.</param>
    /// <returns>The client's HTTP client builder.</returns>
    public static IHttpClientBuilder AddApiClient<TClient>(
        this IServiceCollection services,
        ApiDescription description,
        IConfiguration section,
        Func<IApiTransport, TClient> create)
        where TClient : class =>
        AddApiClient<TClient, ApiClientOptions>(services, description, section, create);

    private static IHttpClientBuilder AddCore<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services, ApiDescription description, Func<IApiTransport, TClient> create)
        where TClient : class
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(create);
        var name = description.ClientName;
        var tokenClientName = TokenHttpClientName(name);
        services.AddSingleton<IValidateOptions<TOptions>>(new ApiClientOptionsValidator<TOptions>(description));
        services.AddOptions<TOptions>(name).ValidateOnStart();
        services.TryAddSingleton<TokenCache>();
        services.TryAddSingleton<CardEncryptorCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(tokenClientName).RedactLoggedHeaders(static _ => true);

        var builder = services.AddHttpClient(name)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan) // attempt timeouts come from the pipeline
            .RedactLoggedHeaders(static _ => true);
        builder.AddResilienceHandler("retries", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(description.LoggerCategory);
            ApiResilience.Configure(pipeline, options, logger, context.ServiceProvider.GetService<TimeProvider>());
            context.EnableReloads<TOptions>(name);
        });
        builder.AddHttpMessageHandler(sp => CreateAuthenticationHandler(
            description,
            sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name),
            sp.GetRequiredService<TokenCache>(),
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(tokenClientName),
            sp.GetService<TimeProvider>()));

        services.AddTransient(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var transport = new HttpApiTransport(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(name),
                TransportOptions(description, options, sp.GetService<ILoggerFactory>(), sp.GetService<TimeProvider>(), sp.GetRequiredService<CardEncryptorCache>()));
            return create(transport);
        });
        return builder;
    }

    internal static HttpApiTransportOptions TransportOptions(ApiDescription description, ApiClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, CardEncryptorCache encryptors) => new()
    {
        BaseAddress = options.BaseAddress,
        DefaultBaseAddress = description.DefaultBaseAddress,
        Encryptor = encryptors.Get(description.ClientName, options.CardEncryptionKey),
        Logger = loggerFactory?.CreateLogger(description.LoggerCategory),
        TimeProvider = timeProvider ?? TimeProvider.System,
        Telemetry = description.Telemetry,
    };

    internal static DelegatingHandler CreateAuthenticationHandler(
        ApiDescription description,
        ApiClientOptions options,
        TokenCache tokenCache,
        Func<HttpMessageInvoker> tokenClient,
        TimeProvider? timeProvider)
    {
        var scheme = description.SelectScheme(options);
        if (scheme is null)
        {
            // The spec declares no scheme the runtime applies (validation has already failed otherwise).
            return new PassThroughHandler();
        }

        IAccessTokenSource? tokenSource = null;
        if (scheme.Kind == ApiSecuritySchemeKind.OAuth2ClientCredentials)
        {
            var endpoint = options.TokenEndpoint ?? scheme.TokenUrl
                ?? throw new InvalidOperationException($"{description.ClientName}: TokenEndpoint is not set.");
            tokenSource = tokenCache.GetOrCreate(endpoint, options.ClientId!, options.ClientSecret!, () =>
                new ClientCredentialsTokenSource(tokenClient, endpoint, options.ClientId!, options.ClientSecret!, timeProvider, options.Timeout));
        }

        return new AuthenticationHandler(scheme, options, tokenSource);
    }

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }
}
