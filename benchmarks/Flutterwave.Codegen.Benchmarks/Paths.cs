using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>One spec the benchmarks run on, with the options handed to both generators.</summary>
internal sealed record BenchSpec(string Key, string Path, string Namespace, string ClientName);

/// <summary>Finds the repository, the specs and NSwag's command line without hard-coded machine paths.</summary>
internal static class Paths
{
    public const string Bundled = "flutterwave-v4";
    public const string Adyen = "adyen-checkout-v71";

    /// <summary>Set by the host process for the benchmark processes BenchmarkDotNet starts.</summary>
    public const string SelfDllVariable = "FLUTTERWAVE_BENCH_SELF_DLL";
    public const string ResultsVariable = "FLUTTERWAVE_BENCH_RESULTS";

    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder holding Flutterwave.Codegen.sln, found by walking up from the binaries or the current directory.</summary>
    public static string RepoRoot => Root.Value;

    public static string BenchmarksDirectory => Path.Combine(RepoRoot, "benchmarks");

    public static string ArtifactsDirectory => Path.Combine(BenchmarksDirectory, "BenchmarkDotNet.Artifacts");

    public static string ResultsDirectory =>
        Environment.GetEnvironmentVariable(ResultsVariable) is { Length: > 0 } fromHost ? fromHost : Path.Combine(ArtifactsDirectory, "self-reported");

    /// <summary>../shared/corpus beside the repository root, or null when ../shared is absent.</summary>
    public static string? CorpusDirectory
    {
        get
        {
            var parent = Directory.GetParent(RepoRoot)?.FullName;
            if (parent is null)
            {
                return null;
            }

            var corpus = Path.Combine(parent, "shared", "corpus");
            return Directory.Exists(corpus) ? corpus : null;
        }
    }

    /// <summary>Why the Adyen case is skipped, or null when it runs.</summary>
    public static string? AdyenSkipReason
    {
        get
        {
            var parent = Directory.GetParent(RepoRoot)?.FullName ?? "(no parent folder)";
            var shared = Path.Combine(parent, "shared");
            if (!Directory.Exists(shared))
            {
                return $"SKIPPED {Adyen}: {shared} is absent (the corpus lives in ../shared/corpus beside the repository root).";
            }

            var file = Path.Combine(shared, "corpus", Adyen + ".yaml");
            return File.Exists(file) ? null : $"SKIPPED {Adyen}: {file} does not exist.";
        }
    }

    public static BenchSpec Spec(string key) => key switch
    {
        Bundled => new BenchSpec(Bundled, Path.Combine(RepoRoot, "spec", "flutterwave-v4.yaml"), "Flutterwave", "FlutterwaveClient"),
        Adyen => new BenchSpec(Adyen, Path.Combine(CorpusDirectory ?? throw new InvalidOperationException(AdyenSkipReason), Adyen + ".yaml"), "Adyen.Checkout", "CheckoutClient"),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown spec"),
    };

    /// <summary>The spec keys that can run here: the bundled spec always, Adyen when ../shared is present.</summary>
    public static string[] AvailableSpecKeys() => AdyenSkipReason is null ? new[] { Bundled, Adyen } : new[] { Bundled };

    /// <summary>This program's own DLL with its runtimeconfig (for <c>dotnet &lt;dll&gt; --oneshot</c>).</summary>
    public static string SelfDll()
    {
        if (Environment.GetEnvironmentVariable(SelfDllVariable) is { Length: > 0 } fromHost && File.Exists(fromHost))
        {
            return fromHost;
        }

        var own = typeof(Paths).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(own, ".runtimeconfig.json")))
        {
            return own;
        }

        throw new InvalidOperationException($"No runnable Flutterwave.Codegen.Benchmarks.dll: {own} has no runtimeconfig.json and {SelfDllVariable} is not set.");
    }

    /// <summary>tools/Net100/dotnet-nswag.dll of the NSwag.MSBuild 14.7.1 package that restore downloaded.</summary>
    public static string NSwagDll()
    {
        const string relative = "nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll";
        var roots = new[]
        {
            typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value,
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        foreach (var root in roots.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var candidate = Path.GetFullPath(Path.Combine(root!, relative));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{relative} not found under {string.Join(", ", roots.Where(r => !string.IsNullOrWhiteSpace(r)))}: restore the benchmark project (it has a PackageDownload for NSwag.MSBuild 14.7.1).");
    }

    /// <summary>The dotnet host to start child processes with.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Flutterwave.Codegen.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder containing Flutterwave.Codegen.sln above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }
}
