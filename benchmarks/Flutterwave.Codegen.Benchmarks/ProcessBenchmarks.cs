using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// Whole processes, spec file in, C# out: NSwag 14.7.1's command line (<c>dotnet dotnet-nswag.dll openapi2csclient</c>)
/// against this generator's one-shot mode (<c>dotnet Flutterwave.Codegen.Benchmarks.dll --oneshot</c>).
/// BenchmarkDotNet measures the wall time of starting the process and waiting for it; each process also prints its
/// own in-process "Duration:", which is recorded for the report. The memory column counts only this (parent) process.
/// </summary>
[MemoryDiagnoser]
[ProcessJob]
public class ProcessBenchmarks
{
    private static readonly Regex DurationLine = new(@"^Duration:\s*(\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private BenchSpec _spec = null!;
    private string _dotnet = null!;
    private string _nswagDll = null!;
    private string _selfDll = null!;
    private string _workDir = null!;

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = Paths.Bundled;

    public static IEnumerable<string> Specs() => Paths.AvailableSpecKeys();

    [GlobalSetup]
    public void Setup()
    {
        _spec = Paths.Spec(Spec);
        _dotnet = Paths.DotnetHost();
        _nswagDll = Paths.NSwagDll();
        _selfDll = Paths.SelfDll();
        _workDir = Path.Combine(Path.GetTempPath(), "flutterwave-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
        Console.WriteLine($"// dotnet host: {_dotnet}");
        Console.WriteLine($"// NSwag: {_nswagDll}");
        Console.WriteLine($"// one-shot: {_selfDll}");
        var runtimeVariables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("COMPlus_", StringComparison.Ordinal))
            .OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}");
        Console.WriteLine($"// child processes inherit: {string.Join(" ", runtimeVariables)}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>NSwag's command line on the spec (YAML read directly), default settings plus namespace and class name.</summary>
    [Benchmark(Baseline = true)]
    public TimeSpan NSwagProcess() => RunProcess(
        "nswag",
        _nswagDll,
        "openapi2csclient",
        "/input:" + _spec.Path,
        "/output:" + Path.Combine(_workDir, "nswag-" + Spec + ".cs"),
        "/namespace:" + _spec.Namespace,
        "/className:" + _spec.ClientName);

    /// <summary>This generator once, in a fresh process: read the spec, run a new driver, write the sources, exit.</summary>
    [Benchmark]
    public TimeSpan FlutterwaveOneShotProcess() => RunProcess(
        "oneshot",
        _selfDll,
        "--oneshot",
        _spec.Path,
        _spec.Namespace,
        _spec.ClientName,
        Path.Combine(_workDir, "oneshot-" + Spec));

    /// <summary>
    /// The same, but Roslyn's generator driver is warmed (untimed) before the clock starts: the generator's own cold
    /// cost, as inside a compiler that is already running. Its self-reported Duration is the figure to set against NSwag's.
    /// </summary>
    [Benchmark]
    public TimeSpan FlutterwaveOneShotWarmRoslynProcess() => RunProcess(
        "oneshot-warm-roslyn",
        _selfDll,
        "--oneshot",
        _spec.Path,
        _spec.Namespace,
        _spec.ClientName,
        Path.Combine(_workDir, "oneshot-warm-" + Spec),
        OneShot.WarmRoslynFlag);

    private TimeSpan RunProcess(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(_dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workDir,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var wall = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + _dotnet);
        process.StandardInput.Close(); // NSwag asks for missing settings on stdin: never let it wait.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult();
        wall.Stop();

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}:\n{output}\n{errors}");
        }

        var match = DurationLine.Matches(output).LastOrDefault()
            ?? throw new InvalidOperationException($"{tool} printed no Duration line:\n{output}\n{errors}");
        var duration = TimeSpan.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        SelfReported.AppendDuration(tool, Spec, duration, wall.Elapsed);
        return duration;
    }
}
