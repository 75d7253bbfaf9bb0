namespace Flutterwave.Sandbox.Validation;

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
