using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// The bundled spec, read once, and request validation against its constraints: query and header parameters, and
/// JSON bodies against the JSON Schema subset OpenAPI 3.0/3.1 uses (see <see cref="SchemaValidator"/>).
/// </summary>
/// <remarks>
/// Immutable once loaded, so one instance serves every request on every thread. Error messages name fields and rules
/// and never repeat the value they are about.
/// </remarks>
internal sealed class ApiSpec
{
    /// <summary>The logical name the project embeds <c>spec/flutterwave-v4.yaml</c> under.</summary>
    public const string ResourceName = "flutterwave-v4.yaml";

    /// <summary>The message of the error <see cref="ValidateBody"/> returns if validation itself failed.</summary>
    internal const string UncheckableMessage = "could not be checked";

    private static readonly Lazy<ApiSpec> BundledSpec = new(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, OperationRules> byId;
    private readonly Dictionary<SpecOperation, OperationRules> byOperation;

    private ApiSpec(IReadOnlyList<OperationRules> operations)
    {
        Operations = operations.Select(o => o.Operation).ToArray();
        byId = operations.ToDictionary(o => o.Operation.OperationId, StringComparer.Ordinal);
        // SpecOperation keeps reference equality, so an operation of another ApiSpec instance is not found here.
        byOperation = operations.ToDictionary(o => o.Operation);
    }

    /// <summary>The spec embedded in this assembly, loaded on first use.</summary>
    public static ApiSpec Bundled => BundledSpec.Value;

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Reads a spec from its YAML (or JSON) text.</summary>
    /// <exception cref="FormatException">The text is not an OpenAPI 3.x document the sandbox can serve; the message says where.</exception>
    internal static ApiSpec Parse(string yamlText)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        return new ApiSpec(SpecOperationReader.Read(SpecYamlReader.Read(yamlText)));
    }

    /// <summary>The operation with this id.</summary>
    public SpecOperation GetOperation(string operationId) =>
        TryGetOperation(operationId, out var operation) ? operation : throw new KeyNotFoundException(operationId);

    /// <summary>The operation with this id, if the spec has one.</summary>
    public bool TryGetOperation(string operationId, [NotNullWhen(true)] out SpecOperation? operation)
    {
        operation = byId.TryGetValue(operationId, out var rules) ? rules.Operation : null;
        return operation is not null;
    }

    /// <summary>The operation's parameters, path-level ones included, in the order the spec lists them.</summary>
    public IReadOnlyList<SpecParameter> GetParameters(SpecOperation operation) =>
        RulesFor(operation).Parameters.Select(p => p.Parameter).ToArray();

    /// <summary>Checks the operation's query and header parameters (types, ranges, lengths, enums).</summary>
    /// <param name="operation">An operation of this spec.</param>
    /// <param name="query">The query value of a name, or null when the request has none.</param>
    /// <param name="header">The header value of a name (as the spec spells it), or null when the request has none.</param>
    /// <returns>The errors, each named by the parameter's name; at most <see cref="SchemaValidator.MaxErrors"/>.</returns>
    public IReadOnlyList<FieldError> ValidateParameters(SpecOperation operation, Func<string, string?> query, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(header);
        var errors = new List<FieldError>();
        foreach (var rule in RulesFor(operation).Parameters)
        {
            // Path parameters are the router's business (an unknown id is a 404, not a 400); cookies are unused.
            var location = rule.Parameter.Location;
            if (location is "query" or "header")
            {
                var text = location == "query" ? query(rule.Parameter.Name) : header(rule.Parameter.Name);
                errors.AddRange(ParameterValidator.Check(rule, text));
            }
        }

        return errors.Count > SchemaValidator.MaxErrors ? errors.GetRange(0, SchemaValidator.MaxErrors) : errors;
    }

    /// <summary>Checks a parsed JSON body against the operation's request schema.</summary>
    /// <param name="operation">An operation of this spec.</param>
    /// <param name="body">The parsed body; null for no body or JSON <c>null</c>.</param>
    /// <returns>
    /// The errors (at most <see cref="SchemaValidator.MaxErrors"/>), each with its field path; errors about the body as
    /// a whole are named <c>body</c>. Empty for an operation without a JSON body. Never throws for any body.
    /// </returns>
    public IReadOnlyList<FieldError> ValidateBody(SpecOperation operation, JsonNode? body)
    {
        var rules = RulesFor(operation);
        if (!operation.HasRequestBody)
        {
            return Array.Empty<FieldError>();
        }

        try
        {
            if (JsonScalar.Of(body).Kind == JsonKind.Null)
            {
                return operation.RequestBodyRequired ? [new FieldError("body", "is required")] : Array.Empty<FieldError>();
            }

            return SchemaValidator.Validate(rules.BodySchema, body, "body");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The validator is written not to throw; this is the last line that keeps a request it did not foresee a
            // 400 instead of a 500. Tests feed it random trees and assert this message never appears.
            return [new FieldError("body", UncheckableMessage)];
        }
    }

    private OperationRules RulesFor(SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return byOperation.TryGetValue(operation, out var rules)
            ? rules
            : throw new ArgumentException($"The operation '{operation.OperationId}' does not belong to this spec.", nameof(operation));
    }

    private static ApiSpec LoadBundled()
    {
        using var stream = typeof(ApiSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the sandbox assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
