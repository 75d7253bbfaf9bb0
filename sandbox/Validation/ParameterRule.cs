namespace Flutterwave.Sandbox.Validation;

/// <summary>One parameter and its schema (null when the spec gives none).</summary>
internal sealed record ParameterRule(SpecParameter Parameter, SchemaRule? Schema);
