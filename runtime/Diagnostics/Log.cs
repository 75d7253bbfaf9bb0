using System;
using Microsoft.Extensions.Logging;

namespace Flutterwave.Runtime.Diagnostics;

/// <summary>The runtime's log messages (source-generated). None takes a body, key or card value unredacted.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "CallCompleted", Level = LogLevel.Information,
        Message = "{Method} {Path} ({OperationId}) answered {StatusCode} in {DurationMs:0.0} ms after {Retries} retries; trace id {TraceId}")]
    public static partial void CallCompleted(ILogger logger, string method, string path, string operationId, int statusCode, double durationMs, int retries, string traceId);

    [LoggerMessage(EventId = 2, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path} ({OperationId}) failed without a response ({Reason}) in {DurationMs:0.0} ms after {Retries} retries; trace id {TraceId}")]
    public static partial void CallFailed(ILogger logger, string method, string path, string operationId, string reason, double durationMs, int retries, string traceId);

    [LoggerMessage(EventId = 3, EventName = "RequestBody", Level = LogLevel.Trace,
        Message = "{Method} {Path} request body (sensitive fields redacted): {Body}")]
    public static partial void RequestBody(ILogger logger, string method, string path, string body);

    [LoggerMessage(EventId = 4, EventName = "ResponseBody", Level = LogLevel.Trace,
        Message = "{Method} {Path} response body (sensitive fields redacted): {Body}")]
    public static partial void ResponseBody(ILogger logger, string method, string path, string body);

    [LoggerMessage(EventId = 5, EventName = "Retrying", Level = LogLevel.Debug,
        Message = "{Method} {Path}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, string reason, double delayMs);
}
