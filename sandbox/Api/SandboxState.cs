using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Api.Resources;

namespace Flutterwave.Sandbox.Api;

/// <summary>One stored object: its public JSON (what the API returns) plus what the sandbox keeps to move it on.</summary>
internal class StoredObject
{
    public StoredObject(string id, string? reference, JsonObject data)
    {
        Id = id;
        Reference = reference;
        Data = data;
    }

    public string Id { get; }

    public string? Reference { get; }

    public JsonObject Data { get; }

    public string? Status => Data["status"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>A payment method: its type, and whether its card has expired (decided once, from the decrypted expiry).</summary>
internal sealed class StoredPaymentMethod : StoredObject
{
    public StoredPaymentMethod(string id, JsonObject data, string type, bool cardExpired)
        : base(id, null, data)
    {
        Type = type;
        CardExpired = cardExpired;
    }

    public string Type { get; }

    public bool CardExpired { get; }
}

/// <summary>A charge or an order: where it is in its scenario.</summary>
internal sealed class StoredPayment : StoredObject
{
    public StoredPayment(string id, string reference, JsonObject data, bool isOrder, Scenario scenario, IEnumerable<AuthStep> steps)
        : base(id, reference, data)
    {
        IsOrder = isOrder;
        Scenario = scenario;
        Steps = new Queue<AuthStep>(steps);
    }

    public bool IsOrder { get; }

    public Scenario Scenario { get; }

    public Queue<AuthStep> Steps { get; }

    /// <summary>Set when the card's expiry is in the past: the issuer answers <c>expired_card</c> whatever the scenario.</summary>
    public bool CardExpired { get; init; }
}

/// <summary>An answer kept for an idempotency key, replayed byte for byte.</summary>
internal sealed record StoredResponse(int Status, byte[] Body);

/// <summary>The slot for one idempotency key: requests with the key take turns through the gate.</summary>
internal sealed class IdempotencyEntry
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public StoredResponse? Response { get; set; }
}

/// <summary>
/// Everything the sandbox holds. Objects live in insertion order; every read or change of them happens under
/// <see cref="Gate"/> (the operations are short, and one lock keeps references and counts exact under load).
/// </summary>
internal sealed class SandboxState
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IdempotencyEntry> _idempotency = new(StringComparer.Ordinal);
    private readonly Lock _diceGate = new();
    private Random _dice;
    private FaultSettings _faults;
    private long _tokensIssued;
    private long _operationRequests;
    private long _replays;
    private long _injectedErrors;
    private long _injectedDrops;

    public SandboxState(SandboxSettings settings)
    {
        Settings = settings;
        _faults = settings.Faults;
        _dice = settings.Faults.Seed is { } seed ? new Random(seed) : new Random();
        Crypto = new CardCrypto(settings.Key);
        var opened = Now;
        foreach (var (currency, balance) in settings.WalletBalances)
        {
            Wallet(currency).Credit("funding", balance, "Sandbox opening balance", opened);
        }
    }

    public SandboxSettings Settings { get; }

    /// <summary>The address the server listens on, set once it has started.</summary>
    public Uri? BaseAddress { get; set; }

    public Lock Gate { get; } = new();

    public CardCrypto Crypto { get; }

    public FaultSettings Faults => Volatile.Read(ref _faults);

    /// <summary>Now, on the sandbox's clock (<see cref="SandboxOptions.TimeProvider"/>).</summary>
    public DateTimeOffset Now => Settings.Clock.GetUtcNow();

    public Dictionary<string, StoredObject> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredPaymentMethod> PaymentMethods { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredPayment> Charges { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredPayment> Orders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredObject> VirtualAccounts { get; } = new(StringComparer.Ordinal);

    /// <summary>References used by charges, orders, virtual accounts and transfers: unique across all of them.</summary>
    public HashSet<string> References { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredRefund> Refunds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredChargeback> Chargebacks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredSettlement> Settlements { get; } = new(StringComparer.Ordinal);

    /// <summary>Saved recipients; ordered because they can be deleted (a plain dictionary reuses the slot).</summary>
    public OrderedDictionary<string, StoredRecipient> Recipients { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, StoredSender> Senders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredRate> Rates { get; } = new(StringComparer.Ordinal);

    /// <summary>Transfers, direct ones, retries and duplicates included.</summary>
    public Dictionary<string, StoredTransfer> Transfers { get; } = new(StringComparer.Ordinal);

    /// <summary>The merchant's balance per currency, in the order the currencies were first held.</summary>
    public Dictionary<string, Wallet> Wallets { get; } = new(StringComparer.Ordinal);

    /// <summary>The wallet of a currency, opened (empty) the first time money arrives in it.</summary>
    public Wallet Wallet(string currency)
    {
        if (!Wallets.TryGetValue(currency, out var wallet))
        {
            wallet = new Wallet(currency);
            Wallets.Add(currency, wallet);
        }

        return wallet;
    }

    /// <summary>Plays the bank sending a successful payout back (see <see cref="TransferEngine.Reverse"/>).</summary>
    public bool ReverseTransfer(string id)
    {
        lock (Gate)
        {
            return TransferEngine.Reverse(this, id);
        }
    }

    public static string NewId(string prefix) =>
        prefix + new string(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 10));

    public string IssueToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow + Settings.TokenLifetime;
        _tokens[token] = expires;
        Interlocked.Increment(ref _tokensIssued);
        if (_tokens.Count > 10_000)
        {
            foreach (var pair in _tokens)
            {
                if (pair.Value < DateTimeOffset.UtcNow)
                {
                    _tokens.TryRemove(pair.Key, out _);
                }
            }
        }

        return token;
    }

    public bool IsValidToken(string token) => _tokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    public IdempotencyEntry IdempotencySlot(string key) => _idempotency.GetOrAdd(key, static _ => new IdempotencyEntry());

    public void CountOperation() => Interlocked.Increment(ref _operationRequests);

    public void CountReplay() => Interlocked.Increment(ref _replays);

    public void CountInjectedError() => Interlocked.Increment(ref _injectedErrors);

    public void CountInjectedDrop() => Interlocked.Increment(ref _injectedDrops);

    /// <summary>Rolls the fault dice once for a request: 503 before, drop after, or nothing.</summary>
    public FaultRoll RollFault(FaultSettings faults)
    {
        if (faults.ServerErrorRate <= 0 && faults.DropAfterCommitRate <= 0)
        {
            return FaultRoll.None;
        }

        double roll;
        lock (_diceGate)
        {
            roll = _dice.NextDouble();
        }

        if (roll < faults.ServerErrorRate)
        {
            return FaultRoll.ServerError;
        }

        return roll < faults.ServerErrorRate + faults.DropAfterCommitRate ? FaultRoll.DropAfterCommit : FaultRoll.None;
    }

    public void ConfigureFaults(Action<SandboxFaultOptions> configure)
    {
        var options = Faults.ToOptions();
        configure(options);
        FaultSettings.Check(options);
        var next = FaultSettings.From(options);
        lock (_diceGate)
        {
            if (next.Seed is { } seed && next.Seed != Faults.Seed)
            {
                _dice = new Random(seed);
            }

            Volatile.Write(ref _faults, next);
        }
    }

    public SandboxSnapshot Snapshot()
    {
        lock (Gate)
        {
            return new SandboxSnapshot
            {
                Customers = Records(Customers.Values),
                PaymentMethods = Records(PaymentMethods.Values),
                Charges = Records(Charges.Values),
                Orders = Records(Orders.Values),
                VirtualAccounts = Records(VirtualAccounts.Values),
                Refunds = Refunds.Values.Select(r => new SandboxRefund(r.Id, r.ChargeId, r.Currency, r.Amount, r.Status, r.SettlementId)).ToArray(),
                Chargebacks = Chargebacks.Values.Select(cb => new SandboxChargeback(cb.Id, cb.ChargeId, cb.Amount, cb.Status, cb.Deducted)).ToArray(),
                Settlements = Settlements.Values.Select(st => new SandboxSettlement(st.Id, st.Currency, st.Gross, st.Net, st.Charges.Select(ch => ch.Id).ToArray())).ToArray(),
                TransferRecipients = Recipients.Values.Select(r => new SandboxRecord(r.Id, null, null)).ToArray(),
                TransferSenders = Senders.Values.Select(sd => new SandboxRecord(sd.Id, null, null)).ToArray(),
                TransferRates = Rates.Values.Select(r => new SandboxRecord(r.Id, null, r.Expires > Now ? "active" : "expired")).ToArray(),
                Transfers = Transfers.Values.Select(t => new SandboxTransfer(t.Id, t.Reference, t.Status, t.Outcome, t.Action, t.SourceCurrency, t.Debited, t.ReversedAt is not null)).ToArray(),
                Wallets = Wallets.Values.Select(w => new SandboxWallet(
                    w.Currency,
                    w.Balance,
                    w.Entries.Select(e => new SandboxWalletMovement(e.Direction, e.Type, e.Amount, e.Before, e.After, e.SourceId)).ToArray())).ToArray(),
                TokensIssued = Interlocked.Read(ref _tokensIssued),
                OperationRequests = Interlocked.Read(ref _operationRequests),
                IdempotentReplays = Interlocked.Read(ref _replays),
                InjectedServerErrors = Interlocked.Read(ref _injectedErrors),
                InjectedDrops = Interlocked.Read(ref _injectedDrops),
            };
        }

        static IReadOnlyList<SandboxRecord> Records(IEnumerable<StoredObject> objects) =>
            objects.Select(o => new SandboxRecord(o.Id, o.Reference, o.Status)).ToArray();
    }
}

/// <summary>What fault injection does to one request.</summary>
internal enum FaultRoll
{
    None,
    ServerError,
    DropAfterCommit,
}
