using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>One movement of a wallet balance: a statement entry.</summary>
/// <param name="Direction"><c>credit</c> or <c>debit</c>.</param>
/// <param name="Type">What moved it: <c>funding</c>, <c>settlement</c>, <c>transfer</c>, <c>fee</c>, <c>reversal</c>, <c>reversal_fee</c>, <c>chargeback</c>.</param>
/// <param name="Amount">How much, always positive.</param>
/// <param name="Before">The balance before.</param>
/// <param name="After">The balance after.</param>
/// <param name="Remarks">The statement's text.</param>
/// <param name="Date">When it was booked.</param>
/// <param name="SourceId">The transfer, settlement or chargeback behind it, if any.</param>
/// <param name="Sent">For a transfer debit: what the recipient got (amount and currency).</param>
internal sealed record WalletEntry(
    string Direction, string Type, decimal Amount, decimal Before, decimal After, string Remarks, DateTimeOffset Date, string? SourceId, (decimal Value, string Currency)? Sent = null);

/// <summary>
/// The merchant's balance in one currency and every movement of it. The balance only changes through
/// <see cref="Credit"/> and <see cref="Debit"/>, each of which books its entry, so the balance always equals the sum
/// of the entries; a debit the balance cannot cover is a sandbox bug and throws.
/// </summary>
internal sealed class Wallet
{
    private readonly List<WalletEntry> _entries = [];

    public Wallet(string currency) => Currency = currency;

    public string Currency { get; }

    public decimal Balance { get; private set; }

    /// <summary>Entries, oldest first.</summary>
    public IReadOnlyList<WalletEntry> Entries => _entries;

    public bool Covers(decimal amount) => amount <= Balance;

    public void Credit(string type, decimal amount, string remarks, DateTimeOffset at, string? sourceId = null) =>
        Book("credit", type, amount, remarks, at, sourceId, null);

    public void Debit(string type, decimal amount, string remarks, DateTimeOffset at, string? sourceId = null, (decimal, string)? sent = null)
    {
        if (!Covers(amount))
        {
            throw new InvalidOperationException($"A {type} debit larger than the {Currency} balance reached the ledger.");
        }

        Book("debit", type, amount, remarks, at, sourceId, sent);
    }

    private void Book(string direction, string type, decimal amount, string remarks, DateTimeOffset at, string? sourceId, (decimal, string)? sent)
    {
        if (amount < 0)
        {
            throw new InvalidOperationException($"A negative {type} {direction} reached the ledger.");
        }

        var before = Balance;
        Balance = direction == "credit" ? before + amount : before - amount;
        _entries.Add(new WalletEntry(direction, type, amount, before, Balance, remarks, at, sourceId, sent));
    }

    public JsonObject BalanceJson() => new() { ["currency"] = Currency, ["available_balance"] = Balance };

    public JsonObject EntryJson(WalletEntry entry, Func<string, JsonNode?> transfer)
    {
        var json = new JsonObject
        {
            ["transaction_direction"] = entry.Direction,
            ["transaction_type"] = entry.Type,
            ["amount"] = new JsonObject { ["value"] = entry.Amount, ["currency"] = Currency },
        };
        if (entry.Sent is { } sent)
        {
            json["sent_amount"] = new JsonObject { ["value"] = sent.Value, ["currency"] = sent.Currency };
        }

        json["balance"] = new JsonObject { ["currency"] = Currency, ["before"] = entry.Before, ["after"] = entry.After };
        json["remarks"] = entry.Remarks;
        json["transaction_date"] = Json.Timestamp(entry.Date);
        if (entry.Type is "transfer" or "reversal" && entry.SourceId is { } id && transfer(id) is { } view)
        {
            json["transfer"] = view;
        }

        return json;
    }
}
