namespace Flutterwave.Runtime.Webhooks;

/// <summary>Values of <see cref="WebhookEvent.Type"/> this library knows about.</summary>
/// <remarks>
/// Only the types the API facts behind the bundled spec confirm are listed. Flutterwave sends others; compare
/// <see cref="WebhookEvent.Type"/> as a string and ignore (but acknowledge) types you do not handle.
/// </remarks>
public static class WebhookEventTypes
{
    /// <summary>A charge reached a final state; <c>data</c> is a charge (read it with <c>GetData&lt;Flutterwave.Charge&gt;()</c>) and its <c>status</c> says how it ended.</summary>
    public const string ChargeCompleted = "charge.completed";
}
