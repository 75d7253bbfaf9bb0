namespace Flutterwave.Codegen.Package.Tests.Infrastructure;

/// <summary>The outcome of one child process: what ran, how it ended, and everything it printed.</summary>
/// <param name="CommandLine">The command as run, for messages.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">The exit code; -1 when it was killed on timeout.</param>
/// <param name="TimedOut">Whether it was killed because it ran past its timeout.</param>
/// <param name="Output">Standard output and standard error, interleaved in the order they arrived.</param>
/// <param name="StandardOutput">Standard output alone (what a program printed).</param>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, string Output, string StandardOutput)
{
    /// <summary>Whether the process ran to the end and exited with 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The whole story, to attach to a failed assertion.</summary>
    public override string ToString() =>
        $"$ {CommandLine}\n(in {WorkingDirectory}; exit code {ExitCode}{(TimedOut ? ", killed after timing out" : string.Empty)})\n{Output}";
}
