namespace Flutterwave.Sandbox;

/// <summary>One stored object as a test sees it: identity, reference and state, never payment data.</summary>
/// <param name="Id">The object's id (<c>chg_...</c>, <c>ord_...</c>, ...).</param>
/// <param name="Reference">The merchant reference, where the object has one.</param>
/// <param name="Status">The current status, where the object has one.</param>
public sealed record SandboxRecord(string Id, string? Reference, string? Status);

/// <summary>What the sandbox holds and has seen, at one moment.</summary>
public sealed record SandboxSnapshot
{
    /// <summary>Customers, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> Customers { get; init; }

    /// <summary>Payment methods, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> PaymentMethods { get; init; }

    /// <summary>Charges, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> Charges { get; init; }

    /// <summary>Orders, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> Orders { get; init; }

    /// <summary>Virtual accounts, in creation order.</summary>
    public required IReadOnlyList<SandboxRecord> VirtualAccounts { get; init; }

    /// <summary>Access tokens issued.</summary>
    public required long TokensIssued { get; init; }

    /// <summary>Requests received by API operations (the token endpoint excluded).</summary>
    public required long OperationRequests { get; init; }

    /// <summary>Responses replayed for a repeated <c>X-Idempotency-Key</c>.</summary>
    public required long IdempotentReplays { get; init; }

    /// <summary>Requests answered 503 by fault injection.</summary>
    public required long InjectedServerErrors { get; init; }

    /// <summary>Requests carried out whose connection was then dropped by fault injection.</summary>
    public required long InjectedDrops { get; init; }
}
