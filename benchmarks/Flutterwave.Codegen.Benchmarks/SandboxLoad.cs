using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime;
using System.Threading.Tasks;
using Flutterwave.Sandbox;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// <c>--sandbox-load</c>: the issue's scenario without BenchmarkDotNet. In one process, the generated client and the
/// hand-written baseline each get their own in-process sandbox; after a warm-up, they take turns firing bursts of
/// <see cref="ChargeBurst.Size"/> concurrent direct charges (the generated client's first burst starts without a cached
/// token). Per burst: wall time, throughput, per-call latency
/// percentiles, allocated bytes per call (process-wide), and what the sandbox counted (charges stored, operation
/// requests); at the end, the token requests each sandbox saw. Exits 1 if any call failed, a burst did not store
/// exactly one charge per call, or the generated client asked for more than one token.
/// </summary>
internal static class SandboxLoad
{
    private const int WarmupBursts = 2;
    private const int MeasuredBursts = 10;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<int> RunAsync()
    {
        Console.WriteLine(string.Create(Inv,
            $"// Sandbox load: bursts of {ChargeBurst.Size} concurrent direct card charges over loopback, {WarmupBursts} warm-up + {MeasuredBursts} measured per side, sides interleaved; {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));

        await using var generatedSandbox = await SandboxServer.StartAsync().ConfigureAwait(false);
        await using var handWrittenSandbox = await SandboxServer.StartAsync().ConfigureAwait(false);
        await using var generated = GeneratedDirectCharges.Create(generatedSandbox);
        using var handWritten = await HandWrittenDirectCharges.StartAsync(handWrittenSandbox).ConfigureAwait(false);
        DirectChargeBodyCheck.Verify(handWritten, handWrittenSandbox.EncryptionKey);

        var sides = new[]
        {
            new Side("generated", generated, generatedSandbox, new ChargeReferences("gen")),
            new Side("hand-written", handWritten, handWrittenSandbox, new ChargeReferences("hw")),
        };

        var problems = new List<string>();
        foreach (var side in sides)
        {
            // Whole bursts, to open the connection pools and JIT everything. The generated client starts cold: its
            // first burst sends 1000 calls at once with no token cached yet (the baseline fetched its token in setup).
            for (var i = 0; i < WarmupBursts; i++)
            {
                var warm = await MeasureAsync(side).ConfigureAwait(false);
                Print("warm-up", side, warm);
                Check(side, warm, problems);
            }
        }

        if (problems.Count > 0)
        {
            // Nothing worth measuring when the warm-up already fails (a sandbox without its spec answers 404).
            return Report(problems);
        }

        for (var round = 1; round <= MeasuredBursts; round++)
        {
            // Alternate which side goes first, so neither always runs right after the other's garbage.
            foreach (var side in round % 2 == 1 ? sides : sides.Reverse())
            {
                var measured = await MeasureAsync(side).ConfigureAwait(false);
                side.Rounds.Add(measured);
                Print("round " + round.ToString(Inv), side, measured);
                Check(side, measured, problems);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"// Medians of {MeasuredBursts} measured bursts of {ChargeBurst.Size}. Latency: each call from its start to its completion, queueing included;");
        Console.WriteLine("// a client that does more work on the starting thread starts its calls later and so queues them for less time.");
        Console.WriteLine("//                          generated    hand-written   ratio (generated / hand-written)");
        var (gen, hw) = (sides[0], sides[1]);
        Row("wall time (ms)", gen.Median(r => r.Burst.Wall.TotalMilliseconds), hw.Median(r => r.Burst.Wall.TotalMilliseconds), "F1");
        Row("throughput (charges/s)", gen.Median(r => r.Burst.ChargesPerSecond), hw.Median(r => r.Burst.ChargesPerSecond), "F0");
        Row("all started after (ms)", gen.Median(r => r.Burst.AllStarted.TotalMilliseconds), hw.Median(r => r.Burst.AllStarted.TotalMilliseconds), "F1");
        Row("p50 latency (ms)", gen.Median(r => r.Burst.LatencyMs(0.50)), hw.Median(r => r.Burst.LatencyMs(0.50)), "F1");
        Row("p99 latency (ms)", gen.Median(r => r.Burst.LatencyMs(0.99)), hw.Median(r => r.Burst.LatencyMs(0.99)), "F1");
        Row("max latency (ms)", gen.Median(r => r.Burst.LatencyMs(1.0)), hw.Median(r => r.Burst.LatencyMs(1.0)), "F1");
        Row("allocated (B/call)", gen.Median(r => r.AllocatedPerCall), hw.Median(r => r.AllocatedPerCall), "F0");
        Console.WriteLine("// allocated = GC.GetTotalAllocatedBytes(true) delta over the burst / calls: the whole process, so the in-process sandbox's own allocations (the same for both sides) are included.");

        foreach (var side in sides)
        {
            var snapshot = side.Sandbox.Snapshot();
            var succeeded = side.Rounds.Sum(r => r.Burst.Succeeded);
            var calls = side.Rounds.Sum(r => r.Burst.Calls);
            Console.WriteLine(string.Create(Inv,
                $"// {side.Name}: token requests made {snapshot.TokensIssued}; measured calls succeeded {succeeded}/{calls}; charges stored per measured burst {string.Join(", ", side.Rounds.Select(r => r.ChargesStored))}; total charges held {snapshot.Charges.Count}"));
        }

        var generatedTokens = generatedSandbox.Snapshot().TokensIssued;
        if (generatedTokens != 1)
        {
            problems.Add($"generated: {generatedTokens} token requests; the target is 1");
        }

        return Report(problems);
    }

    private static int Report(List<string> problems)
    {
        Console.WriteLine();
        if (problems.Count == 0)
        {
            Console.WriteLine("// OK: every call succeeded, every burst stored one charge per call, the generated client asked for one token.");
            return 0;
        }

        foreach (var problem in problems)
        {
            Console.WriteLine("// FAILED: " + problem);
        }

        return 1;
    }

    private static async Task<Round> MeasureAsync(Side side)
    {
        // Start each burst from a collected heap; collections are not counted as allocations either way.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = side.Sandbox.Snapshot();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var burst = await ChargeBurst.RunTimedAsync(side.Sender, side.References).ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var after = side.Sandbox.Snapshot();
        return new Round(
            burst,
            (double)allocated / burst.Calls,
            after.Charges.Count - before.Charges.Count,
            after.OperationRequests - before.OperationRequests);
    }

    private static void Check(Side side, Round round, List<string> problems)
    {
        foreach (var (reason, count) in round.Burst.FailureReasons())
        {
            problems.Add(string.Create(Inv, $"{side.Name}: {count} calls failed: {reason}"));
        }

        if (round.ChargesStored != ChargeBurst.Size)
        {
            problems.Add(string.Create(Inv, $"{side.Name}: a burst stored {round.ChargesStored} charges instead of {ChargeBurst.Size}"));
        }
    }

    private static void Print(string label, Side side, Round round)
    {
        var b = round.Burst;
        Console.WriteLine(string.Create(Inv,
            $"{label,-8} {side.Name,-12}: wall {b.Wall.TotalMilliseconds,7:F1} ms (all started at {b.AllStarted.TotalMilliseconds,6:F1}), {b.ChargesPerSecond,6:F0} charges/s, p50 {b.LatencyMs(0.50),7:F1} ms, p99 {b.LatencyMs(0.99),7:F1} ms, max {b.LatencyMs(1.0),7:F1} ms, {round.AllocatedPerCall,7:F0} B/call, succeeded {b.Succeeded}/{b.Calls}, stored {round.ChargesStored}, requests {round.OperationRequests}"));
    }

    private static void Row(string what, double generated, double handWritten, string format) =>
        Console.WriteLine(string.Create(Inv,
            $"// {what,-24} {generated.ToString(format, Inv),12} {handWritten.ToString(format, Inv),14}   {(generated / handWritten).ToString("F2", Inv)}"));

    private sealed record Round(BurstResult Burst, double AllocatedPerCall, int ChargesStored, long OperationRequests);

    private sealed record Side(string Name, IDirectChargeSender Sender, SandboxServer Sandbox, ChargeReferences References)
    {
        public List<Round> Rounds { get; } = new();

        public double Median(Func<Round, double> value)
        {
            var sorted = Rounds.Select(value).OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
