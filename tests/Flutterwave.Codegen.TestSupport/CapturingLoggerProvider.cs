using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Flutterwave.Codegen.TestSupport;

/// <summary>
/// Captures every log line at every level: the formatted message, the structured values and the exception text,
/// so a test can assert that nothing sensitive reached any logger.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    /// <summary>The lines so far, in order.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => _lines.ToArray();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._lines.Enqueue((LogLevel.None, category, "scope: " + state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                text += " | " + string.Join("; ", pairs.Select(p => p.Key + "=" + p.Value));
            }

            owner._lines.Enqueue((logLevel, category, text + (exception is null ? string.Empty : " | " + exception)));
        }
    }
}
