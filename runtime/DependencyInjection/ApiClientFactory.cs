using System;
using System.Net.Http;
using System.Threading;
using Flutterwave.Runtime.Authentication;
using Flutterwave.Runtime.Configuration;
using Flutterwave.Runtime.Encryption;
using Flutterwave.Runtime.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Flutterwave.Runtime.DependencyInjection;

/// <summary>
/// Builds a client's transport without dependency injection, for scripts, tests and tools: the same handlers as
/// the DI registration (retries and timeouts, then authentication) over one long-lived connection pool.
/// Generated clients expose it as <c>{ClientName}.Create(options)</c>.
/// </summary>
public static class ApiClientFactory
{
    /// <summary>Validates <paramref name="options"/> and builds a transport for <paramref name="description"/>'s API.</summary>
    /// <param name="description">The client's API description.</param>
    /// <param name="options">The settings; read once, here.</param>
    /// <param name="loggerFactory">Where logs go, if anywhere.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="primaryHandler">The innermost handler (the network). Default: a <see cref="SocketsHttpHandler"/> that renews connections every two minutes.</param>
    /// <param name="tokenCache">The token cache; default: one for this transport alone.</param>
    /// <returns>The transport; pass it to the generated client's constructor.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is missing or invalid.</exception>
    public static HttpApiTransport CreateTransport(
        ApiDescription description,
        ApiClientOptions options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? primaryHandler = null,
        TokenCache? tokenCache = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        ApiClientOptionsValidator.ThrowIfInvalid(description, options);

        var network = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        var tokenClient = new HttpMessageInvoker(network, disposeHandler: false);
        var logger = loggerFactory?.CreateLogger(description.LoggerCategory);
        var authentication = ApiClientServiceCollectionExtensions.CreateAuthenticationHandler(
            description, options, tokenCache ?? new TokenCache(), () => tokenClient, timeProvider);
        authentication.InnerHandler = network;
        var resilience = new ResilienceHandler(ApiResilience.CreatePipeline(options, logger, timeProvider))
        {
            InnerHandler = authentication,
        };
        var httpClient = new HttpClient(resilience, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new HttpApiTransport(httpClient, ApiClientServiceCollectionExtensions.TransportOptions(description, options, loggerFactory, timeProvider, new CardEncryptorCache()));
    }
}
