using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Runtime.Authentication;

/// <summary>
/// Adds credentials to every attempt, per the security scheme the client uses: a bearer token from an
/// <see cref="IAccessTokenSource"/> (renewed once and replayed once when the API answers 401), an API key in a
/// header or the query, a fixed bearer token, or HTTP basic.
/// </summary>
/// <remarks>It sits inside the retry handler, so each retry attempt gets a current token.</remarks>
public sealed class AuthenticationHandler : DelegatingHandler
{
    /// <summary>Marks the token request itself, which must not be authenticated with a token.</summary>
    public static readonly HttpRequestOptionsKey<bool> IsTokenRequest = new("Codegen.IsTokenRequest");

    /// <summary>Marks a request to a public operation (<c>security: []</c>): sent without credentials.</summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("Codegen.SkipAuthentication");

    private static readonly HttpRequestOptionsKey<bool> QueryKeyAdded = new("Codegen.ApiKeyInQuery");

    private readonly ApiSecurityScheme _scheme;
    private readonly IAccessTokenSource? _tokenSource;
    private readonly string? _secret;
    private readonly string? _basic;

    /// <summary>Creates the handler.</summary>
    /// <param name="scheme">The scheme to apply.</param>
    /// <param name="options">The settings holding the credentials.</param>
    /// <param name="tokenSource">For OAuth2: where tokens come from.</param>
    public AuthenticationHandler(ApiSecurityScheme scheme, ApiClientOptions options, IAccessTokenSource? tokenSource)
    {
        _scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        ArgumentNullException.ThrowIfNull(options);
        switch (scheme.Kind)
        {
            case ApiSecuritySchemeKind.OAuth2ClientCredentials:
                _tokenSource = tokenSource ?? throw new ArgumentNullException(nameof(tokenSource), "OAuth2 needs a token source.");
                break;
            case ApiSecuritySchemeKind.ApiKeyHeader:
            case ApiSecuritySchemeKind.ApiKeyQuery:
                _secret = options.ApiKey;
                break;
            case ApiSecuritySchemeKind.HttpBearer:
                _secret = options.AccessToken;
                break;
            case ApiSecuritySchemeKind.HttpBasic:
                _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ClientId + ":" + options.ClientSecret));
                break;
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if ((request.Options.TryGetValue(IsTokenRequest, out var isToken) && isToken)
            || (request.Options.TryGetValue(SkipAuthentication, out var skip) && skip))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        switch (_scheme.Kind)
        {
            case ApiSecuritySchemeKind.OAuth2ClientCredentials:
                return await SendWithTokenAsync(request, cancellationToken).ConfigureAwait(false);
            case ApiSecuritySchemeKind.ApiKeyHeader:
                request.Headers.Remove(_scheme.ParameterName!);
                request.Headers.TryAddWithoutValidation(_scheme.ParameterName!, _secret);
                break;
            case ApiSecuritySchemeKind.ApiKeyQuery:
                AddQueryKey(request);
                break;
            case ApiSecuritySchemeKind.HttpBearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secret);
                break;
            case ApiSecuritySchemeKind.HttpBasic:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);
                break;
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokenSource!.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token may have been revoked or expired early: renew once and replay once. A second 401 is final.
        _tokenSource.Invalidate(token);
        var renewed = await _tokenSource.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void AddQueryKey(HttpRequestMessage request)
    {
        if (request.RequestUri is null || (request.Options.TryGetValue(QueryKeyAdded, out var added) && added))
        {
            return;
        }

        var builder = new UriBuilder(request.RequestUri);
        var pair = Uri.EscapeDataString(_scheme.ParameterName!) + "=" + Uri.EscapeDataString(_secret ?? string.Empty);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? pair : builder.Query.TrimStart('?') + "&" + pair;
        request.RequestUri = builder.Uri;
        request.Options.Set(QueryKeyAdded, true);
    }
}
