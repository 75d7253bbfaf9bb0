using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>A dispute raised against a charge, and where it stands.</summary>
internal sealed class StoredChargeback
{
    public required string Id { get; init; }

    public required string ChargeId { get; init; }

    public required string Currency { get; init; }

    public required decimal Amount { get; init; }

    public required string Type { get; init; }

    public required string Stage { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string Status { get; set; }

    public required DateTimeOffset Due { get; set; }

    public DateTimeOffset Updated { get; set; }

    public string? UploadedProof { get; set; }

    /// <summary>Whether evidence was sent as <c>proof_data</c> (kept as a flag: the evidence itself is never shown back).</summary>
    public bool HasProofData { get; set; }

    public string? Comment { get; set; }

    public string? Provider { get; set; }

    public string? Arn { get; set; }

    public string? Initiator { get; init; }

    /// <summary>The settlement the accepted amount was taken from, once it was.</summary>
    public string? SettlementId { get; set; }

    /// <summary>True once the accepted amount has left the wallet (debited directly, or deducted from a settlement).</summary>
    public bool Deducted { get; set; }

    /// <summary>Waiting for the merchant's answer.</summary>
    public bool IsWaiting => Status is "new" or "pending" or "initiated";

    /// <summary>Decided by the scheme: nothing about it can change.</summary>
    public bool IsFinal => Status is "won" or "lost" or "reversed";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["charge_id"] = ChargeId,
            ["amount"] = Amount,
            ["type"] = Type,
            ["stage"] = Stage,
            ["status"] = Status,
            ["due_datetime"] = Json.Timestamp(Due),
        };
        foreach (var (name, value) in new[]
        {
            ("settlement_id", SettlementId), ("uploaded_proof", UploadedProof), ("comment", Comment),
            ("provider", Provider), ("arn", Arn), ("initiator", Initiator),
        })
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }

        json["meta"] = new JsonObject();
        json["created_datetime"] = Json.Timestamp(Created);
        json["updated_datetime"] = Json.Timestamp(Updated);
        return json;
    }
}

/// <summary>
/// <c>Chargebacks</c>. Lifecycle (sandbox choices where the API does not say): made <c>pending</c> (or
/// <c>initiated</c>); the merchant answers <c>accepted</c> (its amount leaves the wallet) or <c>declined</c> with
/// evidence (it is <c>won</c> on the next read); one still waiting at its due time is accepted on the next read.
/// </summary>
internal static class Chargebacks
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listChargebacks"] = new(List),
        ["createChargeback"] = new(Create),
        ["getChargeback"] = new(Get),
        ["updateChargeback"] = new(Update),
    };

    private static OperationResult Create(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        var chargeId = Json.Str(body, "charge_id") ?? throw ApiProblem.Invalid("charge_id", "is required");
        var amount = Json.Amount(body, "amount", "amount") ?? throw ApiProblem.Invalid("amount", "is required");
        if (!state.Charges.TryGetValue(chargeId, out var charge))
        {
            throw ApiProblem.Invalid("charge_id", "no charge with this id");
        }

        if (charge.Status != "succeeded")
        {
            throw ApiProblem.Invalid("charge_id", "only a succeeded charge can be disputed");
        }

        if (amount > (Json.Dec(charge.Data, "amount") ?? 0m))
        {
            throw ApiProblem.Domain("CHARGEBACK_AMOUNT_INVALID", "1707400", "The chargeback amount is more than the charge.");
        }

        if (state.Chargebacks.Values.Any(cb => cb.ChargeId == chargeId && !cb.IsFinal))
        {
            throw ApiProblem.Domain("CHARGEBACK_HAS_EXISTING_CHARGE", "1708400", "The charge already has an open chargeback.");
        }

        var now = state.Now;
        var chargeback = new StoredChargeback
        {
            Id = SandboxState.NewId("chb_"),
            ChargeId = chargeId,
            Currency = Json.Str(charge.Data, "currency") ?? "NGN",
            Amount = amount,
            Type = Json.Str(body, "type") ?? "local",
            Stage = Json.Str(body, "stage") ?? "new",
            Status = Json.Str(body, "status") ?? "pending",
            Due = now + TimeSpan.FromHours(Math.Min(Json.Int(body, "expiry") ?? 72, 24L * 366)),
            Created = now,
            Updated = now,
            UploadedProof = Json.Str(body, "uploaded_proof"),
            Comment = Json.Str(body, "comment"),
            Provider = Json.Str(body, "provider"),
            Arn = Json.Str(body, "arn"),
            Initiator = Json.Str(body, "initiator"),
        };
        if (chargeback.UploadedProof is { } proof && !IsWebLink(proof))
        {
            throw ApiProblem.Invalid("uploaded_proof", "must be an absolute http or https link");
        }

        state.Chargebacks.Add(chargeback.Id, chargeback);
        charge.Data["disputed"] = true;
        return new OperationResult(201, "Chargeback created", chargeback.ToJson());
    }

    private static OperationResult Update(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        Advance(state, decideDeclined: false);
        if (c.Id is null || !state.Chargebacks.TryGetValue(c.Id, out var chargeback))
        {
            throw NotFound();
        }

        var status = Json.Str(body, "status");
        if (chargeback.IsFinal)
        {
            throw ApiProblem.Invalid("body", "the chargeback has been decided (" + chargeback.Status + ") and cannot change");
        }

        if (chargeback.Status == "accepted" && status is not (null or "accepted"))
        {
            throw ApiProblem.Invalid("status", "an accepted chargeback cannot be declined");
        }

        var proof = Json.Str(body, "uploaded_proof");
        var proofData = Json.Str(body, "proof_data");
        if ((proof is not null && !IsWebLink(proof)) || (proofData is not null && !IsBase64(proofData)))
        {
            throw ApiProblem.Domain("CHARGEBACK_PROOF_INVALID", "1704400", "uploaded_proof must be an absolute http or https link and proof_data base64 text.");
        }

        var now = state.Now;
        var due = Json.Date(body, "due_datetime");
        if (due is { } newDue && newDue <= now)
        {
            throw ApiProblem.Domain("CHARGEBACK_DUE_DATE_INVALID", "1706400", "due_datetime must be in the future.");
        }

        if (status == "declined" && proof is null && proofData is null && chargeback.UploadedProof is null && !chargeback.HasProofData)
        {
            throw ApiProblem.Domain("CHARGEBACK_DECLINE_INVALID", "1703400", "A declined chargeback needs evidence: uploaded_proof or proof_data.");
        }

        // Every check has passed: apply.
        chargeback.UploadedProof = proof ?? chargeback.UploadedProof;
        chargeback.HasProofData |= proofData is not null;
        chargeback.Comment = Json.Str(body, "comment") ?? chargeback.Comment;
        chargeback.Provider = Json.Str(body, "provider") ?? chargeback.Provider;
        chargeback.Arn = Json.Str(body, "arn") ?? chargeback.Arn;
        chargeback.Due = due ?? chargeback.Due;
        chargeback.Updated = now;
        if (status == "accepted" && chargeback.Status != "accepted")
        {
            Accept(state, chargeback, now);
        }
        else if (status == "declined")
        {
            chargeback.Status = "declined";
        }

        return new OperationResult(200, "Chargeback updated", chargeback.ToJson());
    }

    private static OperationResult Get(OperationContext c)
    {
        Advance(c.State);
        return c.Id is not null && c.State.Chargebacks.TryGetValue(c.Id, out var chargeback)
            ? new OperationResult(200, "Chargeback fetched", chargeback.ToJson())
            : throw NotFound();
    }

    private static OperationResult List(OperationContext c)
    {
        Advance(c.State);
        return Paging.Numbered(c, c.State.Chargebacks.Values.Reverse(), cb => cb.Created, cb => cb.ToJson(), "Chargebacks fetched");
    }

    /// <summary>
    /// What time does to chargebacks: one still waiting past its due time is accepted; on a read, a declined one is
    /// won (an update does not decide it, so the merchant can still add evidence).
    /// </summary>
    public static void Advance(SandboxState state, bool decideDeclined = true)
    {
        var now = state.Now;
        foreach (var chargeback in state.Chargebacks.Values)
        {
            if (chargeback.Status == "declined" && decideDeclined)
            {
                chargeback.Status = "won";
                chargeback.Updated = now;
            }
            else if (chargeback.IsWaiting && chargeback.Due <= now)
            {
                chargeback.Updated = now;
                Accept(state, chargeback, now);
            }
        }
    }

    /// <summary>
    /// Concedes a chargeback. If its charge has been settled, the amount is debited from the wallet now (when the
    /// balance covers it); otherwise it is deducted from the next settlement of its currency.
    /// </summary>
    private static void Accept(SandboxState state, StoredChargeback chargeback, DateTimeOffset now)
    {
        chargeback.Status = "accepted";
        var settled = state.Charges.TryGetValue(chargeback.ChargeId, out var charge) && Json.Bool(charge.Data, "settled") == true;
        if (settled && state.Wallets.TryGetValue(chargeback.Currency, out var wallet) && wallet.Covers(chargeback.Amount))
        {
            wallet.Debit("chargeback", chargeback.Amount, "Chargeback " + chargeback.Id + " on " + chargeback.ChargeId, now, chargeback.Id);
            chargeback.Deducted = true;
        }
    }

    private static ApiProblem NotFound() => ApiProblem.Domain("CHARGEBACK_NOT_FOUND", "1700404", "No chargeback with this id.");

    private static bool IsWebLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out _);
    }
}
