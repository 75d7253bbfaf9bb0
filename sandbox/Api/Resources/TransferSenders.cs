using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>A saved sender: the person or business a payout is made on behalf of.</summary>
internal sealed class StoredSender
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required JsonObject Details { get; init; }

    public required DateTimeOffset Created { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["type"] = Type };
        foreach (var (name, value) in Details)
        {
            json[name] = value?.DeepClone();
        }

        json["created_datetime"] = Json.Timestamp(Created);
        return json;
    }

    public static StoredSender From(JsonObject source, string type, DateTimeOffset now) => new()
    {
        Id = SandboxState.NewId("sdr_"),
        Type = type,
        Details = PayoutParties.Details(source, "name", "email", "phone", "address"),
        Created = now,
    };
}

/// <summary><c>TransferSenders</c>: save, read, list (cursor) and delete senders.</summary>
internal static class TransferSenders
{
    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listTransferSenders"] = new(List),
        ["createTransferSender"] = new(Create),
        ["getTransferSender"] = new(Get),
        ["deleteTransferSender"] = new(Delete),
    };

    private static OperationResult Create(OperationContext c)
    {
        var body = c.RequireBody();
        var type = Json.Str(body, "type") ?? throw ApiProblem.Invalid("type", "is required");
        var errors = new List<FieldError>();
        PayoutParties.RequireName(body, string.Empty, errors);
        if (type is "bank_gbp" or "bank_eur")
        {
            PayoutParties.RequireContact(body, string.Empty, errors);
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var sender = StoredSender.From(body, type, c.State.Now);
        c.State.Senders.Add(sender.Id, sender);
        return new OperationResult(201, "Transfer sender created", sender.ToJson());
    }

    private static OperationResult Get(OperationContext c) =>
        c.Id is not null && c.State.Senders.TryGetValue(c.Id, out var sender)
            ? new OperationResult(200, "Transfer sender fetched", sender.ToJson())
            : throw ApiProblem.NotFound("No transfer sender with this id.");

    private static OperationResult Delete(OperationContext c) =>
        c.Id is not null && c.State.Senders.Remove(c.Id)
            ? new OperationResult(200, "Transfer sender deleted", null)
            : throw ApiProblem.NotFound("No transfer sender with this id.");

    private static OperationResult List(OperationContext c)
    {
        var newestFirst = c.State.Senders.Values.Reverse().ToList();
        return new OperationResult(200, "Transfer senders fetched", Paging.Cursor(c, newestFirst, "senders", s => s.ToJson()));
    }
}
