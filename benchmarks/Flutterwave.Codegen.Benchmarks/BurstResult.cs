using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>One timed burst of concurrent charges: its wall time, each call's latency and why calls failed.</summary>
/// <param name="Wall">From starting the first call until the last one finished.</param>
/// <param name="AllStarted">From starting the first call until the last one had been started (each call runs synchronously on the
/// starting thread until its first real wait, so this is the callers' synchronous share of the work).</param>
/// <param name="LatencyTicks">Each call's latency in <see cref="Stopwatch"/> ticks, from just before it was started until it completed.</param>
/// <param name="Failures">Per call, why it failed (exception type or unexpected status), or <see langword="null"/> when it succeeded.</param>
internal sealed record BurstResult(TimeSpan Wall, TimeSpan AllStarted, long[] LatencyTicks, string?[] Failures)
{
    public int Calls => LatencyTicks.Length;

    public int Succeeded => Failures.Count(f => f is null);

    public double ChargesPerSecond => Calls / Wall.TotalSeconds;

    /// <summary>The nearest-rank percentile (0 to 1) of the per-call latencies, in milliseconds.</summary>
    public double LatencyMs(double percentile)
    {
        var sorted = (long[])LatencyTicks.Clone();
        Array.Sort(sorted);
        var rank = Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>Failure reasons with how often each occurred, most frequent first.</summary>
    public IEnumerable<(string Reason, int Count)> FailureReasons() =>
        Failures.Where(f => f is not null).GroupBy(f => f!, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(r => r.Item2);
}
