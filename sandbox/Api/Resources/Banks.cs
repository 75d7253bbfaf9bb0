using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary><c>Banks</c>: banks per country, branches per bank, and bank account look-up against test accounts.</summary>
internal static class Banks
{
    /// <summary>
    /// NGN test accounts at Access Bank (<c>044</c>), after Flutterwave's long-standing test range 0690000031-40.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TestAccounts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["0690000031"] = "Forrest Green",
        ["0690000032"] = "Pastor Bright",
        ["0690000033"] = "Ada Obi",
        ["0690000034"] = "Chidi Okeke",
        ["0690000035"] = "Ngozi Adeyemi",
        ["0690000036"] = "Tunde Bakare",
        ["0690000037"] = "Amaka Eze",
        ["0690000038"] = "Bola Akin",
        ["0690000039"] = "Kemi Alade",
        ["0690000040"] = "Emeka Nwosu",
    };

    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listBanks"] = new(ListBanks, Stateless: true),
        ["listBankBranches"] = new(ListBankBranches, Stateless: true),
        ["resolveBankAccount"] = new(ResolveBankAccount, Stateless: true),
    };

    private static OperationResult ListBanks(OperationContext c)
    {
        var data = new JsonArray();
        foreach (var bank in BankDirectory.InCountry(c.Query("country") ?? string.Empty))
        {
            data.Add(new JsonObject { ["id"] = bank.Id, ["code"] = bank.Code, ["name"] = bank.Name });
        }

        return new OperationResult(200, "Banks fetched", data);
    }

    private static OperationResult ListBankBranches(OperationContext c)
    {
        var bank = BankDirectory.ById(c.Id) ?? throw ApiProblem.NotFound("No bank with this id.");
        var data = new JsonArray();
        foreach (var branch in bank.Branches)
        {
            data.Add(new JsonObject
            {
                ["id"] = branch.Id,
                ["code"] = branch.Code,
                ["name"] = branch.Name,
                ["swift_code"] = branch.SwiftCode,
                ["bic"] = branch.Bic,
            });
        }

        return new OperationResult(200, "Bank branches fetched", data);
    }

    private static OperationResult ResolveBankAccount(OperationContext c)
    {
        var body = c.RequireBody();
        var currency = Json.Str(body, "currency");
        var account = Json.Obj(body, "account") ?? throw ApiProblem.Invalid("account", "is required");
        var code = Json.Str(account, "code") ?? string.Empty;
        var number = Json.Str(account, "number") ?? string.Empty;
        var name = currency switch
        {
            "NGN" => NigerianHolder(code, number),
            "USD" => Json.Str(account, "country") is null ? throw ApiProblem.Invalid("account.country", "is required for a USD account") : "Sandbox Account Holder",
            _ => BritishHolder(account),
        };

        // The account is well formed: now the scenario may stand in for the bank's answer.
        switch (c.Payout.Name)
        {
            case "no_account_found":
                throw ApiProblem.NotFound("No account matches these details.");
            case "account_resolved_failed":
                throw ApiProblem.Unprocessable("The account could not be resolved; try again later.");
        }

        return new OperationResult(200, "Account details fetched", new JsonObject
        {
            ["bank_code"] = code,
            ["account_number"] = number,
            ["account_name"] = name ?? throw ApiProblem.NotFound("No account matches these details."),
        });
    }

    /// <summary>The holder of an NGN test account; null (no such account) for any other well-formed one.</summary>
    private static string? NigerianHolder(string code, string number)
    {
        var errors = new List<FieldError>();
        if (!BankDirectory.InCountry("NG").Any(b => b.Code == code))
        {
            errors.Add(new FieldError("account.code", "is not the code of a Nigerian bank (see GET /banks?country=NG)"));
        }

        if (number.Length != 10 || !number.All(char.IsAsciiDigit))
        {
            errors.Add(new FieldError("account.number", "must be a 10-digit NUBAN account number"));
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        return code == "044" && TestAccounts.TryGetValue(number, out var holder) ? holder : null;
    }

    /// <summary>A GBP account's holder as the request names it: the bank confirms the name it was given.</summary>
    private static string BritishHolder(JsonObject account)
    {
        var type = Json.Str(account, "type") ?? throw ApiProblem.Invalid("account.type", "is required for a GBP account (individual or corporate)");
        if (type == "corporate")
        {
            return Json.Str(account, "business_name") is { Length: > 0 } business
                ? business
                : throw ApiProblem.Invalid("account.business_name", "is required for a corporate GBP account");
        }

        var errors = new List<FieldError>();
        PayoutParties.RequireName(account, "account.", errors);
        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var name = Json.Obj(account, "name");
        return Json.Str(name, "first") + " " + Json.Str(name, "last");
    }
}
