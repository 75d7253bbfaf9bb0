using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Flutterwave.Sandbox;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The load scenario under BenchmarkDotNet: one invocation fires <see cref="ChargeBurst.Size"/> direct card
/// charges concurrently at an in-process <see cref="SandboxServer"/> over loopback, so with
/// <c>OperationsPerInvoke = 1000</c> the Mean is wall time per charge (its inverse is throughput) and Allocated is bytes
/// per charge. <see cref="Generated"/> goes through one DI-built generated client; <see cref="HandWritten"/> (the
/// baseline) sends the same charges with a plain <see cref="System.Net.Http.HttpClient"/>, so the Ratio is the
/// generated client's overhead.
/// </summary>
/// <remarks>
/// Each benchmark runs in its own process with its own sandbox (default options, no faults). Allocated counts every
/// thread of the process, the in-process sandbox's included: both sides pay the sandbox's share equally, so the
/// absolute figures overstate what the client allocates and the ratio understates the difference between clients.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SandboxLoadJob]
public class SandboxLoadBenchmarks
{
    private SandboxServer? _sandbox;
    private GeneratedDirectCharges? _generated;
    private HandWrittenDirectCharges? _handWritten;
    private ChargeReferences _references = null!;

    [GlobalSetup(Target = nameof(Generated))]
    public void SetupGenerated()
    {
        _sandbox = SandboxServer.StartAsync().GetAwaiter().GetResult();
        _generated = GeneratedDirectCharges.Create(_sandbox);
        _references = new ChargeReferences("gen");
        // One charge outside the measurement: fetches the token and opens a connection.
        ExpectSucceeded(_generated.ChargeAsync(_references.Next()).GetAwaiter().GetResult());
    }

    [GlobalSetup(Target = nameof(HandWritten))]
    public void SetupHandWritten()
    {
        _sandbox = SandboxServer.StartAsync().GetAwaiter().GetResult();
        _handWritten = HandWrittenDirectCharges.StartAsync(_sandbox).GetAwaiter().GetResult();
        _references = new ChargeReferences("hw");
        // Both sides must do the same work: the same body, once the card fields are decrypted.
        DirectChargeBodyCheck.Verify(_handWritten, _sandbox.EncryptionKey);
        ExpectSucceeded(_handWritten.ChargeAsync(_references.Next()).GetAwaiter().GetResult());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ChargeBurst.Size)]
    public Task HandWritten() => ChargeBurst.RunAsync(_handWritten!, _references);

    [Benchmark(OperationsPerInvoke = ChargeBurst.Size)]
    public Task Generated() => ChargeBurst.RunAsync(_generated!, _references);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_sandbox is null)
        {
            return;
        }

        var snapshot = _sandbox.Snapshot();
        var side = _generated is not null ? "Generated" : "HandWritten";
        Console.WriteLine($"// SandboxLoad {side}: tokens issued {snapshot.TokensIssued}, charges stored {snapshot.Charges.Count}, operation requests {snapshot.OperationRequests}");
        _generated?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _handWritten?.Dispose();
        _sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();

        // The generated client caches its token: a whole run must have asked for exactly one.
        if (snapshot.TokensIssued != 1)
        {
            throw new InvalidOperationException($"{side} made {snapshot.TokensIssued} token requests; expected 1.");
        }
    }

    private static void ExpectSucceeded(string status)
    {
        if (status != SandboxLoadCard.SucceededStatus)
        {
            throw new InvalidOperationException("The warm-up charge ended '" + status + "' instead of succeeded.");
        }
    }
}
