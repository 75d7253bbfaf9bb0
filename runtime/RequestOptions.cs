namespace Flutterwave.Runtime;

/// <summary>
/// Per-call options accepted by every generated operation method.
/// </summary>
/// <remarks>
/// Values are sent as headers only when they are set. Which header name carries each value comes from the
/// operation in the spec (for the bundled Flutterwave spec: <c>X-Idempotency-Key</c>, <c>X-Trace-Id</c>,
/// <c>X-Scenario-Key</c>); operations that declare none of them use those Flutterwave names.
/// </remarks>
public sealed class RequestOptions
{
    /// <summary>
    /// A key that makes a POST safe to repeat: the server answers a repeated key with the original response.
    /// Bind it to a stable business identifier (an order id, a checkout session) so a user's double click or
    /// an application-level retry cannot charge twice.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>A caller-chosen identifier that follows this call through logs on both sides.</summary>
    public string? TraceId { get; set; }

    /// <summary>Sandbox only: selects a simulated scenario, for example <c>scenario:auth_pin&amp;issuer:approved</c>.</summary>
    public string? ScenarioKey { get; set; }
}
