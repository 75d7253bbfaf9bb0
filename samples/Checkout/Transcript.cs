using System.Diagnostics;
using System.Globalization;

namespace Checkout;

/// <summary>
/// Writes the sample's story to the console: each step, what was sent and what came back, progress while a call
/// runs, and the summary. On a terminal a spinner shows the call in flight; when the output is redirected (a file,
/// a test) only plain lines are written, so the text stays clean. Everything it is given is already safe to show:
/// callers pass ids, statuses and masked card data only.
/// </summary>
internal sealed class Transcript : IDisposable
{
    private const string Indent = "    ";
    private const int LabelWidth = 30;
    private static readonly char[] SpinnerFrames = ['|', '/', '-', '\\'];

    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly Lock _gate = new();
    private readonly Stopwatch _stepClock = new();
    private CancellationTokenSource? _spinnerStop;
    private Task? _spinner;
    private string _activity = string.Empty;
    private int _spinnerWidth;

    /// <summary>Creates the transcript.</summary>
    /// <param name="output">Where to write (the console).</param>
    /// <param name="interactive">Whether a person watches a terminal: shows a spinner and colours.</param>
    public Transcript(TextWriter output, bool interactive)
    {
        _out = output;
        _interactive = interactive;
    }

    /// <summary>Writes a line of its own.</summary>
    /// <param name="text">The text.</param>
    public void Line(string text = "") => Write(text);

    /// <summary>Starts a step: its heading, then the spinner on a terminal.</summary>
    /// <param name="key">The step's letter.</param>
    /// <param name="title">What the step does.</param>
    public void StepStarted(string key, string title)
    {
        Write(string.Empty);
        Write($"[{key}] {title}");
        _stepClock.Restart();
        _activity = "starting";
        if (_interactive)
        {
            _spinnerStop = new CancellationTokenSource();
            _spinner = SpinAsync(_spinnerStop.Token);
        }
    }

    /// <summary>A request on its way, in business terms.</summary>
    /// <param name="operation">Method and path, e.g. <c>POST /charges</c>.</param>
    /// <param name="what">What it asks for.</param>
    public void Sent(string operation, string what)
    {
        Detail("->", operation, what);
        _activity = "waiting for " + operation;
    }

    /// <summary>What came back.</summary>
    /// <param name="subject">Usually the object's id.</param>
    /// <param name="what">Status, next action, amounts.</param>
    public void Received(string subject, string what)
    {
        Detail("<-", subject, what);
        _activity = "working";
    }

    /// <summary>A remark inside the current step.</summary>
    /// <param name="text">The remark.</param>
    public void Note(string text) => Write(Indent + "   " + text);

    /// <summary>Ends the current step: stops the spinner and says how it went.</summary>
    /// <param name="outcome">The step's outcome.</param>
    public void StepFinished(StepOutcome outcome)
    {
        StopSpinner();
        var verdict = outcome.Passed ? "PASSED" : "FAILED";
        var color = outcome.Passed ? ConsoleColor.Green : ConsoleColor.Red;
        WriteColored(Indent, verdict, color, $" in {FormatDuration(outcome.Duration)}: {outcome.Result}");
    }

    /// <summary>Writes the table of steps and the totals.</summary>
    /// <param name="outcomes">Every step, in order.</param>
    /// <param name="elapsed">The whole run's time.</param>
    /// <param name="apiCalls">HTTP requests sent to the API (attempts, token requests excluded).</param>
    public void Summary(IReadOnlyList<StepOutcome> outcomes, TimeSpan elapsed, long apiCalls)
    {
        var stepWidth = Math.Max("Step".Length, outcomes.Max(o => o.Key.Length + 2 + o.Title.Length));
        var resultWidth = Math.Max("Result".Length, outcomes.Max(o => o.Result.Length));
        var idWidth = Math.Max("Id".Length, outcomes.Max(o => (o.Id ?? "-").Length));
        Write(string.Empty);
        Write("Summary");
        Write($"  {"Step".PadRight(stepWidth)}  {"Status",-6}  {"Result".PadRight(resultWidth)}  {"Id".PadRight(idWidth)}  {"Duration",9}");
        Write($"  {new string('-', stepWidth)}  {new string('-', 6)}  {new string('-', resultWidth)}  {new string('-', idWidth)}  {new string('-', 9)}");
        foreach (var o in outcomes)
        {
            var step = $"{o.Key}. {o.Title}".PadRight(stepWidth);
            WriteColored(
                $"  {step}  ",
                (o.Passed ? "passed" : "FAILED").PadRight(6),
                o.Passed ? ConsoleColor.Green : ConsoleColor.Red,
                $"  {o.Result.PadRight(resultWidth)}  {(o.Id ?? "-").PadRight(idWidth)}  {FormatDuration(o.Duration),9}");
        }

        var passed = outcomes.Count(o => o.Passed);
        var failed = outcomes.Where(o => !o.Passed).Select(o => o.Key).ToList();
        Write(string.Empty);
        Write($"{passed} of {outcomes.Count} steps passed in {FormatDuration(elapsed)} ({apiCalls.ToString(CultureInfo.InvariantCulture)} API calls)."
            + (failed.Count > 0 ? $" Failed: {string.Join(", ", failed)}." : string.Empty));
    }

    /// <summary>Formats a duration for people: milliseconds under a second, else seconds with two decimals.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>For example <c>85 ms</c> or <c>1.42 s</c>.</returns>
    public static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"
            : duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <inheritdoc />
    public void Dispose() => StopSpinner();

    private void Detail(string arrow, string label, string text)
    {
        var lines = text.Split('\n');
        var continuation = $"{Indent}   {new string(' ', LabelWidth)} ";
        if (label.Length > LabelWidth)
        {
            // A long label (a path with an id) gets a line of its own rather than pushing the text out of line.
            Write($"{Indent}{arrow} {label}");
            foreach (var line in lines)
            {
                Write(continuation + line);
            }

            return;
        }

        Write($"{Indent}{arrow} {label.PadRight(LabelWidth)} {lines[0]}");
        foreach (var more in lines.Skip(1))
        {
            Write(continuation + more);
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            ClearSpinnerLine();
            _out.WriteLine(line);
        }
    }

    private void WriteColored(string before, string colored, ConsoleColor color, string after)
    {
        lock (_gate)
        {
            ClearSpinnerLine();
            _out.Write(before);
            if (_interactive)
            {
                Console.ForegroundColor = color;
                _out.Write(colored);
                Console.ResetColor();
            }
            else
            {
                _out.Write(colored);
            }

            _out.WriteLine(after);
        }
    }

    private async Task SpinAsync(CancellationToken stop)
    {
        var frame = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    var text = $"{Indent}{SpinnerFrames[frame++ % SpinnerFrames.Length]} {_activity} ({_stepClock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)";
                    var pad = Math.Max(0, _spinnerWidth - text.Length);
                    _out.Write("\r" + text + new string(' ', pad));
                    _spinnerWidth = text.Length;
                    _out.Flush();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void StopSpinner()
    {
        if (_spinnerStop is null)
        {
            return;
        }

        _spinnerStop.Cancel();
        try
        {
            _spinner?.GetAwaiter().GetResult();
        }
        finally
        {
            _spinnerStop.Dispose();
            _spinnerStop = null;
            _spinner = null;
        }

        lock (_gate)
        {
            ClearSpinnerLine();
        }
    }

    private void ClearSpinnerLine()
    {
        if (_spinnerWidth > 0)
        {
            _out.Write("\r" + new string(' ', _spinnerWidth) + "\r");
            _spinnerWidth = 0;
        }
    }
}
