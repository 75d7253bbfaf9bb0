using System;
using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Runtime.Authentication;

/// <summary>An OAuth2 access token and when it expires. <see cref="ToString"/> never shows the token.</summary>
public sealed class AccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The token text sent as <c>Authorization: Bearer ...</c>.</param>
    /// <param name="expiresAt">When the server stops accepting it.</param>
    public AccessToken(string value, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token text.</summary>
    [Annotations.Secret]
    public string Value { get; }

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"AccessToken (hidden), expires {ExpiresAt:O}";
}

/// <summary>Where bearer tokens come from: the seam between the authentication handler and the token endpoint.</summary>
public interface IAccessTokenSource
{
    /// <summary>Returns a token that is valid for a while yet, fetching one when needed.</summary>
    /// <param name="cancellationToken">Stops this caller waiting; a fetch other callers share carries on.</param>
    /// <returns>The token.</returns>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="token"/> after the API rejected it, so the next call fetches a new one.</summary>
    /// <param name="token">The rejected token; ignored when a newer one is already cached.</param>
    void Invalidate(AccessToken token);
}
