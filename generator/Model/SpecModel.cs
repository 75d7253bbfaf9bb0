namespace Flutterwave.Codegen.Model;

// The model that flows between the generator's stages: Reading (OpenAPI to model), Conventions (decisions recorded
// in the model), Emitting (model to text). Every type here is a sealed record of strings, numbers, booleans and
// EquatableArray: never an ISymbol, SyntaxNode, Location or Compilation, so the incremental pipeline can compare two
// models by value and skip emitting when nothing changed.
//
// Reading fills everything but the convention records (SpecModel.Conventions, OperationModel.Conventions,
// ObjectModel.Encryption, PropertyModel.CardData), which stay null/None until the Conventions stage sets them.

/// <summary>Everything generated from one spec file.</summary>
/// <param name="ServerUrls">Every absolute server URL the spec lists (variables filled with their defaults).</param>
/// <param name="ConventionRequest">What the project and the document ask for; the Conventions stage decides.</param>
/// <param name="Conventions">The spec-wide decisions; <see langword="null"/> until the Conventions stage ran.</param>
internal sealed record SpecModel(
    string SpecPath,
    string Namespace,
    string ClientName,
    string Title,
    string Version,
    string? DefaultServerUrl,
    EquatableArray<TypeModel> Types,
    EquatableArray<ClientGroupModel> Groups,
    EquatableArray<OperationModel> RootOperations,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<string> ServerUrls = default,
    ConventionRequest? ConventionRequest = null,
    SpecConventionsModel? Conventions = null)
{
    /// <summary>The configuration section the client binds by default: its name without a trailing <c>Client</c>.</summary>
    public string ConfigurationSection =>
        ClientName.Length > "Client".Length && ClientName.EndsWith("Client", System.StringComparison.Ordinal)
            ? ClientName.Substring(0, ClientName.Length - "Client".Length)
            : ClientName;

    /// <summary>The name of the client's activity source and meter (its namespace, unique per compilation).</summary>
    public string TelemetryName => Namespace;
}

/// <summary>Documentation taken from the spec (description, summary, example, default, deprecation).</summary>
internal sealed record DocModel(string? Summary, string? Remarks, string? Example, string? Default, bool Deprecated)
{
    public static readonly DocModel None = new(null, null, null, null, false);
}
