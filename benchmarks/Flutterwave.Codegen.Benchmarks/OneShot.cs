using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// <c>--oneshot &lt;spec&gt; [namespace] [clientName] [outputDir]</c>: in a fresh process, run the generator once over the
/// spec, write what it generated (as NSwag writes its .cs file), print the in-process duration and exit.
/// The process-level twin of <c>dotnet-nswag openapi2csclient</c>. Touches no BenchmarkDotNet type.
/// </summary>
internal static class OneShot
{
    /// <summary>The line the process benchmark parses; same TimeSpan format as NSwag's "Duration:" line.</summary>
    public const string DurationPrefix = "Duration: ";

    /// <summary>The flag that warms Roslyn's generator driver before the clock starts.</summary>
    public const string WarmRoslynFlag = "--warm-roslyn";

    public static int Run(string[] args)
    {
        // With --warm-roslyn, first run a no-op incremental generator through a driver, untimed: inside a real build the
        // compiler has already JIT-compiled its own driver code, so only the Flutterwave generator's cold cost remains.
        if (args.Contains(WarmRoslynFlag))
        {
            args = args.Where(a => a != WarmRoslynFlag).ToArray();
            GeneratorRunner.WarmRoslyn();
        }

        // Timed from here: read the spec, create the driver, run the generator, write the output.
        // Runtime start-up and loading this assembly are outside; JIT of everything below is inside (as for NSwag's Duration).
        var total = Stopwatch.StartNew();
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: --oneshot <spec> [namespace] [clientName] [outputDir]");
            return 2;
        }

        var specPath = Path.GetFullPath(args[1]);
        var ns = args.Length > 2 ? args[2] : "Flutterwave";
        var clientName = args.Length > 3 ? args[3] : "FlutterwaveClient";
        var outputDir = args.Length > 4 ? args[4] : null;

        var text = File.ReadAllText(specPath);
        var afterRead = total.Elapsed;

        var driver = GeneratorRunner.CreateDriver(specPath, text, ns, clientName).RunGenerators(GeneratorRunner.CreateCompilation());
        var result = driver.GetRunResult().Results.Single();
        var afterGenerate = total.Elapsed;

        long chars = 0;
        if (outputDir is not null)
        {
            Directory.CreateDirectory(outputDir);
        }

        foreach (var source in result.GeneratedSources)
        {
            var code = source.SourceText.ToString();
            chars += code.Length;
            if (outputDir is not null)
            {
                File.WriteAllText(Path.Combine(outputDir, source.HintName), code, Encoding.UTF8);
            }
        }

        total.Stop();
        var errors = result.Diagnostics.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Flutterwave.Codegen one-shot: {specPath}: {result.GeneratedSources.Length} sources, {chars} chars, {result.Diagnostics.Length} diagnostics ({errors} errors)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {afterRead.TotalMilliseconds:F3} ms, generate {(afterGenerate - afterRead).TotalMilliseconds:F3} ms, write {(total.Elapsed - afterGenerate).TotalMilliseconds:F3} ms"));
        Console.WriteLine(DurationPrefix + total.Elapsed.ToString("c", CultureInfo.InvariantCulture));
        if (result.Exception is not null)
        {
            Console.Error.WriteLine(result.Exception);
            return 1;
        }

        return errors == 0 && result.GeneratedSources.Length > 0 ? 0 : 1;
    }
}
