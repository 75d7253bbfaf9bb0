using System;
using System.Runtime.CompilerServices;

namespace Flutterwave.Codegen.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--oneshot")
        {
            return OneShot.Run(args);
        }

        if (args.Length == 2 && args[0] == "--write-analyzer-consumer")
        {
            AnalyzerWorkload.WriteConsumerFiles(args[1]);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--analyzer-timings")
        {
            return AnalyzerTimings.Run();
        }

        if (args.Length > 0 && args[0] == "--sandbox-load")
        {
            return SandboxLoad.Run();
        }

        return RunBenchmarks(args);
    }

    // Kept out of Main so that --oneshot never loads BenchmarkDotNet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBenchmarks(string[] args) => BenchmarkHost.Run(args);
}
