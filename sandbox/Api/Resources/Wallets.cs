namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>
/// <c>Wallets</c>: balances per currency, the cursor-paged statement of their movements, and wallet look-up for
/// wallet payouts (two test wallets).
/// </summary>
internal static class Wallets
{
    /// <summary>The Flutterwave wallets the look-up knows (sandbox test data; the first is the v3 docs' sample).</summary>
    public static readonly IReadOnlyDictionary<string, string> TestWallets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["7981223"] = "Flutterwave Developer Account",
        ["00118468"] = "Sandbox Merchant Two",
    };

    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["resolveWalletAccount"] = new(ResolveWalletAccount, Stateless: true),
        ["getWalletStatement"] = new(GetWalletStatement),
        ["listWalletBalances"] = new(ListWalletBalances),
        ["getWalletBalance"] = new(GetWalletBalance),
    };

    private static OperationResult ResolveWalletAccount(OperationContext c)
    {
        var body = c.RequireBody();
        var identifier = Json.Str(body, "identifier") ?? throw ApiProblem.Invalid("identifier", "is required");
        if (!TestWallets.TryGetValue(identifier, out var name))
        {
            throw ApiProblem.NotFound("No Flutterwave wallet with this identifier.");
        }

        return new OperationResult(200, "Wallet resolved", new System.Text.Json.Nodes.JsonObject
        {
            ["provider"] = Json.Str(body, "provider") ?? "flutterwave",
            ["identifier"] = identifier,
            ["name"] = name,
        });
    }

    private static OperationResult GetWalletStatement(OperationContext c)
    {
        var state = c.State;
        TransferEngine.Advance(state);
        var currency = c.Query("currency") ?? throw ApiProblem.Invalid("currency", "is required");
        IReadOnlyList<WalletEntry> entries = state.Wallets.TryGetValue(currency, out var wallet) ? wallet.Entries : [];
        var newestFirst = Paging.InPeriod(c, entries.Reverse(), e => e.Date).ToList();
        var data = Paging.Cursor(c, newestFirst, "transactions", e => wallet!.EntryJson(e, id => state.Transfers.GetValueOrDefault(id)?.ToJson()));
        return new OperationResult(200, "Wallet statement fetched", data);
    }

    private static OperationResult ListWalletBalances(OperationContext c)
    {
        TransferEngine.Advance(c.State);
        var data = new System.Text.Json.Nodes.JsonArray();
        foreach (var wallet in c.State.Wallets.Values)
        {
            data.Add(wallet.BalanceJson());
        }

        return new OperationResult(200, "Wallet balances fetched", data);
    }

    private static OperationResult GetWalletBalance(OperationContext c)
    {
        TransferEngine.Advance(c.State);
        var currency = c.Route("currency");
        return currency is not null && c.State.Wallets.TryGetValue(currency, out var wallet)
            ? new OperationResult(200, "Wallet balance fetched", wallet.BalanceJson())
            : throw ApiProblem.NotFound("The wallet holds no balance in this currency.");
    }
}
