using System;

namespace Flutterwave.Runtime;

/// <summary>
/// A call got no HTTP answer after every retry: the connection failed or each attempt timed out. The server may
/// or may not have acted on it, so a POST must be repeated with the same <see cref="ApiException.IdempotencyKey"/>
/// (an API that honours the key then answers with the original result instead of acting twice).
/// </summary>
public sealed class ApiNetworkException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The operation's path template (never the path with ids).</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last attempt's failure.</param>
    public ApiNetworkException(string method, string pathTemplate, int attempts, Exception innerException)
        : this(method, pathTemplate, attempts, innerException, idempotencyKey: null)
    {
    }

    /// <summary>Creates the exception for a call that carried an idempotency key (or none).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The operation's path template (never the path with ids).</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last attempt's failure.</param>
    /// <param name="idempotencyKey">The idempotency key every attempt carried, or <see langword="null"/>.</param>
    public ApiNetworkException(string method, string pathTemplate, int attempts, Exception innerException, string? idempotencyKey)
        : base(BuildMessage(method, pathTemplate, attempts, innerException, idempotencyKey is not null), innerException)
    {
        Attempts = attempts;
        TimedOut = innerException is Polly.Timeout.TimeoutRejectedException or TimeoutException;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>How many attempts were made (the first plus retries).</summary>
    public int Attempts { get; }

    /// <summary>Whether the last attempt timed out (rather than failing to connect or losing the connection).</summary>
    public bool TimedOut { get; }

    private static string BuildMessage(string method, string pathTemplate, int attempts, Exception inner, bool hasKey)
    {
        var what = inner is Polly.Timeout.TimeoutRejectedException or TimeoutException ? "timed out" : "got no response (" + inner.GetType().Name + ")";
        var unsafeMethod = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase);
        var retry = hasKey
            ? " The server may have acted on it: repeat it with the same IdempotencyKey, never a new one."
            : unsafeMethod
                ? " The server may have acted on it and the call carried no idempotency key: check whether it took effect before repeating it."
                : string.Empty;
        return $"{method} {pathTemplate} {what} after {attempts} attempt(s).{retry}";
    }
}
