using System.Globalization;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api;

/// <summary>What a handler gets: the validated body, the path values, the query, the scenario and the state.</summary>
internal sealed class OperationContext
{
    public required SandboxState State { get; init; }

    public required JsonObject? Body { get; init; }

    /// <summary>The <c>{id}</c> path value, where the path has one.</summary>
    public required string? Id { get; init; }

    /// <summary>A path value by name (<c>id</c>, <c>currency</c>), or null.</summary>
    public required Func<string, string?> Route { get; init; }

    public required Func<string, string?> Query { get; init; }

    /// <summary>The payment scenario (charges, orders, payment methods); the default elsewhere.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The payout scenario (transfers, direct transfers, retries, bank account look-up); the default elsewhere.</summary>
    public PayoutScenario Payout { get; init; } = PayoutScenario.Default;

    public required Uri BaseAddress { get; init; }

    public JsonObject RequireBody() => Body ?? throw ApiProblem.Invalid("body", "is required");

    /// <summary>A positive integer query value (already checked against the spec), or <paramref name="fallback"/>.</summary>
    public int QueryInt(string name, int fallback) =>
        int.TryParse(Query(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>A date-time query value (already checked against the spec's format), or null.</summary>
    public DateTimeOffset? QueryDate(string name) =>
        DateTimeOffset.TryParse(Query(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}

/// <summary>A handler's answer: status, envelope message, data (none for deletes) and (for lists) meta.</summary>
internal sealed record OperationResult(int Status, string Message, JsonNode? Data, JsonObject? Meta = null);

/// <summary>How the sandbox serves one operation.</summary>
/// <param name="Run">The behaviour.</param>
/// <param name="Stateless">
/// True for reference data and look-ups that read nothing the state holds (banks, networks, fee quotes, test
/// accounts): they run without the state lock.
/// </param>
internal sealed record SandboxHandler(Func<OperationContext, OperationResult> Run, bool Stateless = false);
