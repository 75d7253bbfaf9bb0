namespace Flutterwave.Sandbox.Api;

/// <summary>The authentication steps a payment goes through before the issuer answers.</summary>
internal enum AuthStep
{
    Pin,
    Otp,
    Avs,
    Redirect,
    Instruction,
}

/// <summary>An issuer outcome: the final status and processor response.</summary>
internal sealed record IssuerOutcome(string Name, bool Approved, string Code);

/// <summary>A parsed <c>X-Scenario-Key</c>: <c>&amp;</c>-separated <c>name:value</c> pairs.</summary>
internal sealed record Scenario(string? Auth, IssuerOutcome Issuer)
{
    public static readonly IReadOnlyDictionary<string, IssuerOutcome> Issuers = new Dictionary<string, IssuerOutcome>(StringComparer.Ordinal)
    {
        ["approved"] = new("approved", true, "00"),
        ["insufficient_funds"] = new("insufficient_funds", false, "51"),
        ["do_not_honor"] = new("do_not_honor", false, "05"),
        ["expired_card"] = new("expired_card", false, "54"),
        ["incorrect_pin"] = new("incorrect_pin", false, "55"),
        ["invalid_cvv"] = new("invalid_cvv", false, "82"),
        ["suspected_fraud"] = new("suspected_fraud", false, "59"),
        ["issuer_unavailable"] = new("issuer_unavailable", false, "91"),
        ["system_error"] = new("system_error", false, "96"),
    };

    public static readonly IReadOnlyList<string> AuthValues = ["auth_pin", "auth_pin_3ds", "auth_3ds", "auth_avs", "auth_redirect"];

    public static Scenario Default { get; } = new(null, Issuers["approved"]);

    /// <summary>Parses the header; unknown names or values are a 400 listing what is accepted.</summary>
    public static Scenario Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return Default;
        }

        string? auth = null;
        var issuer = Issuers["approved"];
        foreach (var part in header.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? part : part[..colon];
            var value = colon < 0 ? string.Empty : part[(colon + 1)..];
            switch (name)
            {
                case "scenario" when AuthValues.Contains(value, StringComparer.Ordinal):
                    auth = value;
                    break;
                case "scenario":
                    throw ApiProblem.Invalid("X-Scenario-Key", "scenario must be one of " + string.Join(", ", AuthValues));
                case "issuer" when Issuers.TryGetValue(value, out var outcome):
                    issuer = outcome;
                    break;
                case "issuer":
                    throw ApiProblem.Invalid("X-Scenario-Key", "issuer must be one of " + string.Join(", ", Issuers.Keys));
                default:
                    throw ApiProblem.Invalid("X-Scenario-Key", "must be '&'-separated pairs named scenario or issuer, e.g. scenario:auth_pin&issuer:approved");
            }
        }

        return new Scenario(auth, issuer);
    }

    /// <summary>The steps a card payment takes under this scenario.</summary>
    public IReadOnlyList<AuthStep> CardSteps() => Auth switch
    {
        "auth_pin" => [AuthStep.Pin, AuthStep.Otp],
        "auth_pin_3ds" => [AuthStep.Pin, AuthStep.Redirect],
        "auth_3ds" or "auth_redirect" => [AuthStep.Redirect],
        "auth_avs" => [AuthStep.Avs, AuthStep.Otp],
        _ => [],
    };
}
