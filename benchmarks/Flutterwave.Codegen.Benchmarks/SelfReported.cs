using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// What the child processes say about themselves (NSwag's "Duration:", the one-shot's "Duration:") and the
/// cached-steps check, written by the benchmark processes and read back by the host for the final report.
/// </summary>
internal static class SelfReported
{
    public static void AppendDuration(string tool, string spec, TimeSpan selfReported, TimeSpan wall)
    {
        Directory.CreateDirectory(Paths.ResultsDirectory);
        File.AppendAllText(
            Path.Combine(Paths.ResultsDirectory, $"{tool}.{spec}.tsv"),
            string.Create(CultureInfo.InvariantCulture, $"{selfReported.Ticks}\t{wall.Ticks}\n"));
    }

    public static void WriteCheck(string spec, string text)
    {
        Directory.CreateDirectory(Paths.ResultsDirectory);
        File.WriteAllText(Path.Combine(Paths.ResultsDirectory, $"cached-check.{spec}.txt"), text);
    }

    public static string? ReadCheck(string spec)
    {
        var file = Path.Combine(Paths.ResultsDirectory, $"cached-check.{spec}.txt");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>(self-reported, wall) per invocation, in call order, or empty.</summary>
    public static IReadOnlyList<(TimeSpan SelfReported, TimeSpan Wall)> ReadDurations(string tool, string spec)
    {
        var file = Path.Combine(Paths.ResultsDirectory, $"{tool}.{spec}.tsv");
        if (!File.Exists(file))
        {
            return Array.Empty<(TimeSpan, TimeSpan)>();
        }

        return File.ReadAllLines(file)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (TimeSpan.FromTicks(long.Parse(p[0], CultureInfo.InvariantCulture)), TimeSpan.FromTicks(long.Parse(p[1], CultureInfo.InvariantCulture))))
            .ToList();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
