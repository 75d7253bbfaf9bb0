using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Flutterwave.Codegen.Diagnostics;

/// <summary>
/// The generator's diagnostics: ids <c>FLW1001</c> onwards, in sequence. Each points at the spec file and line.
/// What the generator can work around is a warning (the build still succeeds); only a document nothing can be
/// generated from is an error.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Flutterwave.Codegen";

    public static readonly DiagnosticDescriptor SpecUnreadable = Create(
        "FLW1001", DiagnosticSeverity.Error,
        "Spec file cannot be read",
        "The spec file '{0}' could not be read: {1}");

    public static readonly DiagnosticDescriptor SpecSyntax = Create(
        "FLW1002", DiagnosticSeverity.Error,
        "Spec is not valid YAML or JSON",
        "The spec file '{0}' is not valid YAML or JSON: {1}");

    public static readonly DiagnosticDescriptor NotOpenApi = Create(
        "FLW1003", DiagnosticSeverity.Error,
        "Not an OpenAPI 3.0 or 3.1 document",
        "The spec file '{0}' is not an OpenAPI 3.0 or 3.1 document: {1}");

    public static readonly DiagnosticDescriptor ReaderProblem = Create(
        "FLW1004", DiagnosticSeverity.Warning,
        "The OpenAPI reader reported a problem",
        "The OpenAPI reader reported: {0}; generation continues with what could be read");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "FLW1005", DiagnosticSeverity.Warning,
        "Unresolved $ref",
        "The reference '{0}' cannot be resolved; '{1}' is generated as untyped JSON (JsonElement)");

    public static readonly DiagnosticDescriptor UntypableSchema = Create(
        "FLW1006", DiagnosticSeverity.Warning,
        "Schema cannot be typed",
        "The schema for '{0}' cannot be represented as a C# type ({1}); it is generated as untyped JSON (JsonElement)");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        "FLW1007", DiagnosticSeverity.Warning,
        "Parameter not supported as declared",
        "Parameter '{0}' of operation '{1}': {2}");

    public static readonly DiagnosticDescriptor UnsupportedMediaType = Create(
        "FLW1008", DiagnosticSeverity.Warning,
        "Media type not supported",
        "Operation '{0}' uses the media type '{1}', which the generator does not model; {2}");

    public static readonly DiagnosticDescriptor DuplicateClient = Create(
        "FLW1009", DiagnosticSeverity.Error,
        "Two specs generate the same client",
        "The specs '{0}' and '{1}' both generate '{2}'; give one of them a different Namespace or ClientName");

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        "FLW1010", DiagnosticSeverity.Warning,
        "Invalid generator option",
        "'{0}' is not a valid {1}; using '{2}' instead");

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "FLW1011", DiagnosticSeverity.Error,
        "The generator failed",
        "The generator failed on '{0}' ({1}: {2}); please report this together with the spec");

    /// <summary>Every descriptor, by id.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        SpecUnreadable, SpecSyntax, NotOpenApi, ReaderProblem, UnresolvedReference, UntypableSchema,
        UnsupportedParameter, UnsupportedMediaType, DuplicateClient, InvalidOption, GeneratorFailure,
    }.ToImmutableDictionary(d => d.Id);

    /// <summary>The help link for an id: the rule's page under <c>docs/rules</c>.</summary>
    public static string HelpLink(string id) => $"https://github.com/flutterwave-codegen/flutterwave-codegen/blob/main/docs/rules/{id}.md";

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
