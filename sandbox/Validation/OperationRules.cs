namespace Flutterwave.Sandbox.Validation;

/// <summary>What the validator knows about one operation: its parameters and its request body's schema.</summary>
internal sealed class OperationRules
{
    public OperationRules(SpecOperation operation, IReadOnlyList<ParameterRule> parameters, SchemaRule? bodySchema)
    {
        Operation = operation;
        Parameters = parameters;
        BodySchema = bodySchema;
    }

    public SpecOperation Operation { get; }

    /// <summary>Every parameter, path-level ones merged in (the operation's own win on the same name and place).</summary>
    public IReadOnlyList<ParameterRule> Parameters { get; }

    /// <summary>The JSON body's schema; null when the operation has no JSON body or its media type gives no schema.</summary>
    public SchemaRule? BodySchema { get; }
}
