using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Flutterwave.Runtime;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The load scenario of the issue: <see cref="Size"/> direct charges started one after the other without waiting,
/// then awaited together (<see cref="Task.WhenAll(Task[])"/>), each with a new reference.
/// </summary>
internal static class ChargeBurst
{
    public const int Size = 1000;

    /// <summary>Fires a burst and fails if any charge failed or did not succeed (the BenchmarkDotNet workload).</summary>
    public static async Task RunAsync(IDirectChargeSender sender, ChargeReferences references)
    {
        var calls = new Task<string>[Size];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = sender.ChargeAsync(references.Next());
        }

        var statuses = await Task.WhenAll(calls).ConfigureAwait(false);
        foreach (var status in statuses)
        {
            if (status != SandboxLoadCard.SucceededStatus)
            {
                throw new InvalidOperationException("A charge of the burst ended '" + status + "' instead of succeeded.");
            }
        }
    }

    /// <summary>Fires a burst and times each call (<see cref="Stopwatch.GetTimestamp"/>); failures are recorded, not thrown.</summary>
    public static async Task<BurstResult> RunTimedAsync(IDirectChargeSender sender, ChargeReferences references)
    {
        var latencies = new long[Size];
        var failures = new string?[Size];
        var calls = new Task[Size];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = TimedCallAsync(sender, references.Next(), latencies, failures, i);
        }

        var allStarted = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(calls).ConfigureAwait(false);
        return new BurstResult(Stopwatch.GetElapsedTime(start), allStarted, latencies, failures);
    }

    /// <summary>Sends one charge; returns why it failed, or <see langword="null"/> when it succeeded.</summary>
    private static async Task<string?> CallOnceAsync(IDirectChargeSender sender, string reference)
    {
        try
        {
            var status = await sender.ChargeAsync(reference).ConfigureAwait(false);
            return status == SandboxLoadCard.SucceededStatus ? null : "charge status " + status;
        }
        catch (Exception e)
        {
            // The type (and the API's error type or HTTP status) only: messages stay out of the output.
            return e switch
            {
                ApiException api => api.GetType().Name + " " + (int?)api.StatusCode + " " + api.ErrorType,
                HttpRequestException http => http.GetType().Name + " " + (int?)http.StatusCode,
                _ => e.GetType().Name,
            };
        }
    }

    private static async Task TimedCallAsync(IDirectChargeSender sender, string reference, long[] latencies, string?[] failures, int index)
    {
        var start = Stopwatch.GetTimestamp();
        failures[index] = await CallOnceAsync(sender, reference).ConfigureAwait(false);
        latencies[index] = Stopwatch.GetTimestamp() - start;
    }
}
