using System;
using System.Globalization;
using System.Threading;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// Unique charge references for one sender: a short tag, a random run id and a counter, e.g.
/// <c>gen-3f9a1c02b7de-0000042</c> (within the spec's 6 to 42 characters of <c>[a-zA-Z0-9-]</c>).
/// </summary>
internal sealed class ChargeReferences
{
    private readonly string _prefix;
    private long _next;

    public ChargeReferences(string tag) => _prefix = tag + "-" + Guid.NewGuid().ToString("N")[..12] + "-";

    /// <summary>The next reference; thread-safe.</summary>
    public string Next() => _prefix + Interlocked.Increment(ref _next).ToString("D7", CultureInfo.InvariantCulture);
}
