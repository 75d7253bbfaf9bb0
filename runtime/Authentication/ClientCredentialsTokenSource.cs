using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Runtime.Authentication;

/// <summary>
/// Fetches OAuth2 client-credentials tokens (form POST of <c>client_id</c>, <c>client_secret</c>,
/// <c>grant_type=client_credentials</c>) and caches the current one until 60 seconds before it expires.
/// </summary>
/// <remarks>
/// Callers that find no valid token share one in-flight request: a thousand parallel first calls make one token
/// request. The shared request runs under its own timeout, not a caller's token, so one caller giving up does not
/// fail the others. A failed request is not cached: the next caller tries again.
/// </remarks>
public sealed class ClientCredentialsTokenSource : IAccessTokenSource
{
    /// <summary>How long before expiry a token is renewed.</summary>
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(60);

    private readonly Func<HttpMessageInvoker> _httpClient;
    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _requestTimeout;
    private readonly object _gate = new();
    private AccessToken? _current;
    private Task<AccessToken>? _inFlight;

    /// <summary>Creates a token source.</summary>
    /// <param name="httpClient">Gives the client that sends token requests (called once per request).</param>
    /// <param name="tokenEndpoint">The token endpoint.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="requestTimeout">How long one token request may take.</param>
    public ClientCredentialsTokenSource(
        Func<HttpMessageInvoker> httpClient,
        Uri tokenEndpoint,
        string clientId,
        string clientSecret,
        TimeProvider? timeProvider = null,
        TimeSpan? requestTimeout = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _tokenEndpoint = tokenEndpoint ?? throw new ArgumentNullException(nameof(tokenEndpoint));
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        _clientId = clientId;
        _clientSecret = clientSecret;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<AccessToken> fetch;
        lock (_gate)
        {
            if (_current is { } token && IsFresh(token))
            {
                return new ValueTask<AccessToken>(token);
            }

            fetch = _inFlight ??= FetchAsync();
        }

        return new ValueTask<AccessToken>(fetch.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public void Invalidate(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            if (ReferenceEquals(_current, token))
            {
                _current = null;
            }
        }
    }

    private bool IsFresh(AccessToken token) => _timeProvider.GetUtcNow() < token.ExpiresAt - RenewBeforeExpiry;

    private async Task<AccessToken> FetchAsync()
    {
        // Leave the lock before doing any work: the caller holds it while this method runs up to its first await.
        await Task.Yield();
        try
        {
            var token = await RequestTokenAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _inFlight = null;
            }

            return token;
        }
        catch
        {
            lock (_gate)
            {
                _inFlight = null;
            }

            throw;
        }
    }

    private async Task<AccessToken> RequestTokenAsync()
    {
        using var timeout = new CancellationTokenSource(_requestTimeout, _timeProvider);
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("client_id", _clientId),
                new KeyValuePair<string, string>("client_secret", _clientSecret),
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Options.Set(AuthenticationHandler.IsTokenRequest, true);

        HttpResponseMessage response;
        try
        {
            response = await _httpClient().SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new HttpRequestException($"The token request to {_tokenEndpoint.GetLeftPart(UriPartial.Path)} timed out after {_requestTimeout}.");
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 408 or 429 or >= 500)
            {
                // Transient: an HttpRequestException lets the caller's retry strategy try again (the attempt fails before
                // the API is called, so nothing is repeated there).
                throw new HttpRequestException($"The token endpoint answered {status}.", null, response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw ApiException.FromResponse("POST", "(token endpoint)", response.StatusCode, body, null, null);
            }

            return ParseToken(body, _timeProvider.GetUtcNow());
        }
    }

    private static AccessToken ParseToken(byte[] body, DateTimeOffset now)
    {
        string? value = null;
        double? expiresIn = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String)
                {
                    value = token.GetString();
                }

                if (root.TryGetProperty("expires_in", out var expires))
                {
                    expiresIn = expires.ValueKind switch
                    {
                        JsonValueKind.Number => expires.GetDouble(),
                        JsonValueKind.String when double.TryParse(expires.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                        _ => null,
                    };
                }
            }
        }
        catch (JsonException)
        {
            // Reported below without the body: it may hold a token.
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new ApiException("The token endpoint answered without an access_token (or not with JSON).");
        }

        // No expires_in: assume the documented 600 s rather than caching forever.
        var lifetime = TimeSpan.FromSeconds(expiresIn is > 0 ? expiresIn.Value : 600);
        return new AccessToken(value, now + lifetime);
    }

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentialsTokenSource ({_tokenEndpoint.GetLeftPart(UriPartial.Path)}, client {_clientId})";
}
