using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Flutterwave.Runtime.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> every generated client reports through, both named
/// <see cref="Name"/> so OpenTelemetry picks them up with <c>AddSource("Flutterwave.Codegen")</c> and
/// <c>AddMeter("Flutterwave.Codegen")</c>.
/// </summary>
public static class FlutterwaveTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Flutterwave.Codegen";

    /// <summary>One activity per logical call (retries included), kind Client.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, typeof(FlutterwaveTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The meter.</summary>
    public static readonly Meter Meter = new(Name, typeof(FlutterwaveTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Logical calls made, tagged with method, operation and status code (or the error type).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("flutterwave.client.requests", "{request}", "Logical API calls made (a call and its retries count once).");

    /// <summary>How long logical calls took, retries included, in seconds.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("flutterwave.client.request.duration", "s", "Duration of logical API calls, retries included.");

    /// <summary>Retry attempts made.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("flutterwave.client.retries", "{retry}", "Retry attempts made after transient failures.");
}
