using System;

namespace Flutterwave.Runtime;

/// <summary>
/// A call got no HTTP answer after every retry: the connection failed or each attempt timed out. The server may
/// or may not have acted on it, so a POST must be repeated with the same <see cref="FlutterwaveApiException.IdempotencyKey"/>
/// (the server then answers with the original result instead of acting twice).
/// </summary>
public sealed class FlutterwaveNetworkException : FlutterwaveApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The operation's path template (never the path with ids).</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last attempt's failure.</param>
    public FlutterwaveNetworkException(string method, string pathTemplate, int attempts, Exception innerException)
        : base(BuildMessage(method, pathTemplate, attempts, innerException), innerException)
    {
        Attempts = attempts;
        TimedOut = innerException is Polly.Timeout.TimeoutRejectedException or TimeoutException;
    }

    /// <summary>How many attempts were made (the first plus retries).</summary>
    public int Attempts { get; }

    /// <summary>Whether the last attempt timed out (rather than failing to connect or losing the connection).</summary>
    public bool TimedOut { get; }

    private static string BuildMessage(string method, string pathTemplate, int attempts, Exception inner)
    {
        var what = inner is Polly.Timeout.TimeoutRejectedException or TimeoutException ? "timed out" : "got no response (" + inner.GetType().Name + ")";
        var retry = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
            ? " The server may have acted on it: repeat it with the same IdempotencyKey, never a new one."
            : string.Empty;
        return $"{method} {pathTemplate} {what} after {attempts} attempt(s).{retry}";
    }
}
