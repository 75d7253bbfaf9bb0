using Flutterwave.Sandbox.Api.Resources;

namespace Flutterwave.Sandbox.Api;

/// <summary>Every operation the sandbox serves, keyed by operationId: one table per resource group, joined once.</summary>
internal static class SandboxHandlers
{
    public static IReadOnlyDictionary<string, SandboxHandler> All { get; } = Join(
        SandboxOperations.Handlers.ToDictionary(p => p.Key, p => new SandboxHandler(p.Value), StringComparer.Ordinal),
        Refunds.Handlers,
        Chargebacks.Handlers,
        Settlements.Handlers,
        Fees.Handlers,
        Banks.Handlers,
        MobileNetworks.Handlers,
        TransferRecipients.Handlers,
        TransferSenders.Handlers,
        TransferRates.Handlers,
        Transfers.Handlers,
        DirectTransfers.Handlers,
        Wallets.Handlers);

    private static Dictionary<string, SandboxHandler> Join(params IReadOnlyDictionary<string, SandboxHandler>[] tables)
    {
        var all = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var (operationId, handler) in table)
            {
                if (!all.TryAdd(operationId, handler))
                {
                    throw new InvalidOperationException($"Two handlers for {operationId}.");
                }
            }
        }

        return all;
    }
}
