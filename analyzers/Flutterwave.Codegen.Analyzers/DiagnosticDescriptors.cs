using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>
/// The analyzers' diagnostics: ids <c>FLW0001</c> onwards, in sequence. All are warnings by default; each one's
/// severity can be changed in <c>.editorconfig</c> (<c>dotnet_diagnostic.FLW0001.severity = error</c>), and each
/// help link opens the rule's page under <c>docs/rules</c>.
/// </summary>
/// <remarks>Messages never echo a constant's value: it may be card data or a secret.</remarks>
internal static class DiagnosticDescriptors
{
    public const string Security = "Flutterwave.Codegen.Security";
    public const string Correctness = "Flutterwave.Codegen.Correctness";
    public const string Reliability = "Flutterwave.Codegen.Reliability";

    public static readonly DiagnosticDescriptor CardDataInLog = Create(
        "FLW0001", Security,
        "Card data written to a log",
        "{0} reaches '{1}'; card data must never be logged (mask it, or leave it out)",
        "Card numbers, CVVs, expiry dates and PINs written to logs, the console or trace output put the application in PCI DSS scope and leak to anyone who reads the logs.");

    public static readonly DiagnosticDescriptor ConstantViolatesSpec = Create(
        "FLW0002", Correctness,
        "Constant violates the spec",
        "The constant given to '{0}' breaks the spec: {1}",
        "The spec states a pattern, length, range or list of values for this member; a constant that breaks it is rejected by the API at run time.");

    public static readonly DiagnosticDescriptor PostWithoutIdempotencyKey = Create(
        "FLW0003", Reliability,
        "POST without an idempotency key",
        "'{0}' sends a POST without RequestOptions.IdempotencyKey; a double click or an application retry can charge twice",
        "The runtime's own key protects its own retries only. Pass an idempotency key derived from a stable business identifier so repeating the call returns the first response instead of creating a second charge.");

    public static readonly DiagnosticDescriptor SecretInSource = Create(
        "FLW0004", Security,
        "Secret in source",
        "A string literal is given to the secret '{0}'; load it from configuration, user secrets or a vault instead",
        "Client secrets, encryption keys and API keys written in source end up in version control and in every build.");

    public static readonly DiagnosticDescriptor HeaderValueOutOfBounds = Create(
        "FLW0005", Correctness,
        "Header value out of bounds",
        "The constant given to '{0}' will be refused: {1}",
        "Idempotency keys, trace ids and scenario keys are sent as headers, checked against the rules the operation's spec (or its conventions) states, and must be printable ASCII; a value that breaks them fails the call before anything is sent.");

    public static readonly DiagnosticDescriptor ReferenceFromClock = Create(
        "FLW0006", Reliability,
        "Reference built from the clock alone",
        "'{0}' is built from the clock alone; two requests in the same tick get the same value (use a GUID-based value)",
        "Timestamps and tick counts collide under load and across machines, and a reused reference is rejected (or, as an idempotency key, replays another payment's response).");

    public static readonly DiagnosticDescriptor InvalidCardConstant = Create(
        "FLW0007", Correctness,
        "Invalid card constant",
        "The constant given to '{0}' {1}",
        "A card number that fails the Luhn check or an expiry date in the past is declined before it reaches the issuer; tests and samples should use valid test cards.");

    public static readonly DiagnosticDescriptor IdempotencyKeyNotTaken = Create(
        "FLW0008", Correctness,
        "Idempotency key for an operation that takes none",
        "'{0}' takes no idempotency key (its spec declares no idempotency header), so the call fails before anything is sent; leave RequestOptions.IdempotencyKey unset for it",
        "A client sends RequestOptions.IdempotencyKey only where the operation declares an idempotency header, and refuses a key it cannot send rather than dropping it silently: a caller who believes a call is protected by a key must learn that it is not.");

    /// <summary>Every descriptor, by id.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        CardDataInLog, ConstantViolatesSpec, PostWithoutIdempotencyKey, SecretInSource, HeaderValueOutOfBounds,
        ReferenceFromClock, InvalidCardConstant, IdempotencyKeyNotTaken,
    }.ToImmutableDictionary(d => d.Id);

    /// <summary>The help link for an id: the rule's page under <c>docs/rules</c>.</summary>
    public static string HelpLink(string id) => $"https://github.com/flutterwave-codegen/flutterwave-codegen/blob/main/docs/rules/{id}.md";

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, string description) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));
}
