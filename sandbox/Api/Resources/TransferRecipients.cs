using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>A saved payout destination: its kind, currency and the details shown back.</summary>
internal sealed class StoredRecipient
{
    public required string Id { get; init; }

    /// <summary><c>bank</c>, <c>mobile_money</c> or <c>wallet</c>.</summary>
    public required string Type { get; init; }

    public required string Currency { get; init; }

    /// <summary>The party's members (name, contact, account) as sent.</summary>
    public required JsonObject Details { get; init; }

    public required DateTimeOffset Created { get; init; }

    public string? BankCode => Json.Str(Json.Obj(Details, "bank"), "code");

    public string? WalletIdentifier => Json.Str(Json.Obj(Details, "wallet"), "identifier");

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["type"] = Type, ["currency"] = Currency };
        foreach (var (name, value) in Details)
        {
            json[name] = value?.DeepClone();
        }

        json["created_datetime"] = Json.Timestamp(Created);
        return json;
    }

    public static StoredRecipient From(JsonObject source, string type, string currency, DateTimeOffset now) => new()
    {
        Id = SandboxState.NewId(type switch { "bank" => "rcb_", "mobile_money" => "rcm_", _ => "rcw_" }),
        Type = type,
        Currency = currency,
        Details = PayoutParties.Details(source, "name", "email", "phone", "address", type),
        Created = now,
    };
}

/// <summary><c>TransferRecipients</c>: save, read, list (cursor) and delete payout destinations.</summary>
internal static class TransferRecipients
{
    private static readonly HashSet<string> BankWithBranch = new(StringComparer.Ordinal) { "ghs", "rwf", "sll", "ugx", "xaf", "xof" };

    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listTransferRecipients"] = new(List),
        ["createTransferRecipient"] = new(Create),
        ["getTransferRecipient"] = new(Get),
        ["deleteTransferRecipient"] = new(Delete),
    };

    private static OperationResult Create(OperationContext c)
    {
        var body = c.RequireBody();
        var type = Json.Str(body, "type") ?? throw ApiProblem.Invalid("type", "is required");
        var (kind, currency) = type.StartsWith("bank_", StringComparison.Ordinal) ? ("bank", type[5..]) : ("mobile_money", type[13..]);
        var errors = new List<FieldError>();
        Check(body, kind, currency, errors);
        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var recipient = StoredRecipient.From(body, kind, currency.ToUpperInvariant(), c.State.Now);
        c.State.Recipients.Add(recipient.Id, recipient);
        return new OperationResult(201, "Transfer recipient created", recipient.ToJson());
    }

    /// <summary>The table on <c>TransferRecipientRequest</c>: what each recipient type needs besides <c>type</c>.</summary>
    private static void Check(JsonObject body, string kind, string currency, List<FieldError> errors)
    {
        // bank_ngn gets its holder's name from the bank; every other type needs one (a name sent for NGN is checked too).
        PayoutParties.RequireName(body, string.Empty, errors, required: !(kind == "bank" && currency == "ngn"));
        var account = Json.Obj(body, kind);
        if (account is null)
        {
            errors.Add(new FieldError(kind, "is required for this type"));
        }

        if (kind == "mobile_money")
        {
            var members = currency is "xaf" or "xof" ? new[] { "network", "country", "msisdn" } : ["network", "msisdn"];
            if (account is not null)
            {
                PayoutParties.RequireText(account, "mobile_money.", errors, members);
            }

            return;
        }

        if (currency is "zar" or "eur" or "gbp" or "usd")
        {
            PayoutParties.RequireContact(body, string.Empty, errors);
        }

        var bankMembers = currency switch
        {
            "eur" => new[] { "account_number", "name", "swift_code" },
            "gbp" => ["account_number", "account_type", "name", "sort_code"],
            "usd" => ["account_number", "code", "account_type", "routing_number", "swift_code"],
            _ when BankWithBranch.Contains(currency) => ["account_number", "code", "branch"],
            _ => ["account_number", "code"],
        };
        if (account is not null)
        {
            PayoutParties.RequireText(account, "bank.", errors, bankMembers);
            var accountType = Json.Str(account, "account_type");
            if (currency == "gbp" && accountType is not (null or "individual" or "corporate"))
            {
                errors.Add(new FieldError("bank.account_type", "must be individual or corporate for GBP"));
            }
            else if (currency == "usd" && accountType is not (null or "checking" or "savings"))
            {
                errors.Add(new FieldError("bank.account_type", "must be checking or savings for USD"));
            }
        }
    }

    private static OperationResult Get(OperationContext c) =>
        c.Id is not null && c.State.Recipients.TryGetValue(c.Id, out var recipient)
            ? new OperationResult(200, "Transfer recipient fetched", recipient.ToJson())
            : throw ApiProblem.NotFound("No transfer recipient with this id.");

    private static OperationResult Delete(OperationContext c) =>
        c.Id is not null && c.State.Recipients.Remove(c.Id)
            ? new OperationResult(200, "Transfer recipient deleted", null)
            : throw ApiProblem.NotFound("No transfer recipient with this id.");

    private static OperationResult List(OperationContext c)
    {
        var newestFirst = c.State.Recipients.Values.Reverse().ToList();
        return new OperationResult(200, "Transfer recipients fetched", Paging.Cursor(c, newestFirst, "recipients", r => r.ToJson()));
    }
}
