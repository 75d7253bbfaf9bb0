namespace Flutterwave.Runtime;

/// <summary>
/// Per-call options accepted by every generated operation method.
/// </summary>
/// <remarks>
/// Each value goes into the header its operation declares for it, checked first against the rules the spec states
/// (length, pattern); the generated method's documentation says which ones it takes. An operation that declares no
/// such header sends nothing for a trace id or scenario key, and refuses an idempotency key rather than dropping it.
/// Some operations generate an idempotency key or trace id when none is given (said in their documentation).
/// </remarks>
public sealed class RequestOptions
{
    /// <summary>
    /// A key that makes a POST safe to repeat: the server answers a repeated key with the original response.
    /// Bind it to a stable business identifier (an order id, a checkout session) so a user's double click or
    /// an application-level retry cannot charge twice.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>A caller-chosen identifier that follows this call through logs on both sides, for operations that declare a trace header.</summary>
    public string? TraceId { get; set; }

    /// <summary>Test environments only: selects a simulated scenario, for operations that declare a scenario header.</summary>
    public string? ScenarioKey { get; set; }
}
