using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>One rejected request field: its JSON path (or header/query name) and why. Never carries the value.</summary>
/// <param name="Field">Dotted path such as <c>payment_method.card.nonce</c>, <c>fees[0].amount</c>, or a parameter name.</param>
/// <param name="Message">Why the value was rejected, without repeating it.</param>
internal readonly record struct FieldError(string Field, string Message);

/// <summary>One operation of the spec.</summary>
internal sealed class SpecOperation
{
    public SpecOperation(string operationId, string method, string path, bool hasRequestBody, bool requestBodyRequired)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        HasRequestBody = hasRequestBody;
        RequestBodyRequired = requestBodyRequired;
    }

    /// <summary>The spec's operationId, e.g. <c>createCharge</c>.</summary>
    public string OperationId { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path template, e.g. <c>/charges/{id}</c>.</summary>
    public string Path { get; }

    /// <summary>Whether the operation declares a JSON request body.</summary>
    public bool HasRequestBody { get; }

    /// <summary>Whether that body is required.</summary>
    public bool RequestBodyRequired { get; }
}

/// <summary>
/// The bundled spec, read once, and request validation against its constraints (STUB: to be replaced by the
/// validator's real implementation).
/// </summary>
internal sealed class ApiSpec
{
    private ApiSpec(IReadOnlyList<SpecOperation> operations) => Operations = operations;

    /// <summary>The spec embedded in this assembly, loaded on first use.</summary>
    public static ApiSpec Bundled { get; } = new(Array.Empty<SpecOperation>());

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>The operation with this id.</summary>
    public SpecOperation GetOperation(string operationId) =>
        Operations.FirstOrDefault(o => o.OperationId == operationId) ?? throw new KeyNotFoundException(operationId);

    /// <summary>Checks the operation's query and header parameters (types, ranges, lengths, enums).</summary>
    public IReadOnlyList<FieldError> ValidateParameters(SpecOperation operation, Func<string, string?> query, Func<string, string?> header) =>
        Array.Empty<FieldError>();

    /// <summary>Checks a parsed JSON body against the operation's request schema.</summary>
    public IReadOnlyList<FieldError> ValidateBody(SpecOperation operation, JsonNode? body) => Array.Empty<FieldError>();
}
