using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// In-process generator runs: one launch, 20 warm-up and 15 measured iterations. A ShortRun-sized warm-up (3) is not
/// enough here: the generator's code is still being re-JIT-ed by tiered compilation for a few seconds, and a first try
/// with 3 warm-ups measured ColdRun falling from 158 ms to 89 ms across its measured iterations (Adyen).
/// </summary>
public sealed class GeneratorJobAttribute : JobConfigBaseAttribute
{
    public GeneratorJobAttribute()
        : base(Job.Default.WithLaunchCount(1).WithWarmupCount(20).WithIterationCount(15).WithId("Generator"))
    {
    }
}

/// <summary>
/// Whole-process runs (seconds each): one invocation per iteration, one launch, 2 warm-up and 6 measured iterations.
/// With one invocation per iteration every call is a fresh child process, so each measured value is one process's wall time.
/// </summary>
public sealed class ProcessJobAttribute : JobConfigBaseAttribute
{
    public ProcessJobAttribute()
        : base(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).WithInvocationCount(1).WithUnrollFactor(1).WithId("Process"))
    {
    }
}

/// <summary>
/// Compiling the 500-file analyzer workload (about a second each): one launch, 3 warm-up and 8 measured iterations,
/// one invocation per iteration.
/// </summary>
public sealed class AnalyzerJobAttribute : JobConfigBaseAttribute
{
    public AnalyzerJobAttribute()
        : base(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1).WithId("Analyzer"))
    {
    }
}

/// <summary>
/// One burst of 1000 concurrent charges per invocation (a few hundred milliseconds on 2 shared cores): one launch,
/// 5 warm-up and 15 measured iterations of one invocation each. The warm-ups also let the connection pool (the first
/// burst opens its connections) and tiered JIT settle.
/// </summary>
public sealed class SandboxLoadJobAttribute : JobConfigBaseAttribute
{
    public SandboxLoadJobAttribute()
        : base(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithInvocationCount(1).WithUnrollFactor(1).WithId("SandboxLoad"))
    {
    }
}
