namespace Flutterwave.Sandbox.Validation;

/// <summary>One parameter an operation declares, path-level ones included.</summary>
/// <param name="Name">The name as the spec writes it, e.g. <c>limit</c> or <c>X-Idempotency-Key</c>.</param>
/// <param name="Location">Where it travels: <c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
/// <param name="Required">Whether the request must carry it.</param>
internal sealed record SpecParameter(string Name, string Location, bool Required);
