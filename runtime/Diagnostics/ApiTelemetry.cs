using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Flutterwave.Runtime.Diagnostics;

/// <summary>
/// The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> one
/// generated client reports through, both named after the client (its namespace: <c>Flutterwave</c> for the bundled
/// client, <c>Acme.Payments</c> for a client generated into that namespace), so OpenTelemetry picks them up with
/// <c>AddSource(name)</c> and <c>AddMeter(name)</c>. Instruments and tags are prefixed with the lower-cased name:
/// <c>acme.payments.client.requests</c>, <c>acme.payments.operation</c>. Each generated client's
/// <c>Description.Telemetry</c> is created once per process.
/// </summary>
public sealed class ApiTelemetry
{
    /// <summary>What transports built without a description report through.</summary>
    public static ApiTelemetry Shared { get; } = new("Flutterwave.Runtime");

    /// <summary>Creates the instruments for one client.</summary>
    /// <param name="name">The activity source and meter name.</param>
    public ApiTelemetry(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        var version = typeof(ApiTelemetry).Assembly.GetName().Version?.ToString();
        var prefix = name.ToLowerInvariant();
        ActivitySource = new ActivitySource(name, version);
        Meter = new Meter(name, version);
        Requests = Meter.CreateCounter<long>(prefix + ".client.requests", "{request}", "Logical API calls made (a call and its retries count once).");
        Duration = Meter.CreateHistogram<double>(prefix + ".client.request.duration", "s", "Duration of logical API calls, retries included.");
        Retries = Meter.CreateCounter<long>(prefix + ".client.retries", "{retry}", "Retry attempts made after transient failures.");
        OperationTag = prefix + ".operation";
        TraceIdTag = prefix + ".trace_id";
    }

    /// <summary>The activity source and meter name.</summary>
    public string Name { get; }

    /// <summary>One activity per logical call (retries included), kind Client.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>Logical calls made, tagged with method, operation and status code (or the error type).</summary>
    public Counter<long> Requests { get; }

    /// <summary>How long logical calls took, retries included, in seconds.</summary>
    public Histogram<double> Duration { get; }

    /// <summary>Retry attempts made.</summary>
    public Counter<long> Retries { get; }

    /// <summary>The tag that holds the operation id.</summary>
    public string OperationTag { get; }

    /// <summary>The activity tag that holds the call's trace id, when it has one.</summary>
    public string TraceIdTag { get; }
}
