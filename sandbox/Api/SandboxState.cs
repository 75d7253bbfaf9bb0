namespace Flutterwave.Sandbox.Api;

/// <summary>Everything the sandbox holds (STUB, replaced by the real store).</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxSettings settings) => Settings = settings;

    public SandboxSettings Settings { get; }

    public SandboxSnapshot Snapshot() => new()
    {
        Customers = [], PaymentMethods = [], Charges = [], Orders = [], VirtualAccounts = [],
        TokensIssued = 0, OperationRequests = 0, IdempotentReplays = 0, InjectedServerErrors = 0, InjectedDrops = 0,
    };

    public void ConfigureFaults(Action<SandboxFaultOptions> configure)
    {
    }
}
