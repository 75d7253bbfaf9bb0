namespace Flutterwave.Sandbox.Validation;

/// <summary>One rejected request field: its JSON path (or header/query name) and why. Never carries the value.</summary>
/// <param name="Field">Dotted path such as <c>payment_method.card.nonce</c>, <c>fees[0].amount</c>, or a parameter name.</param>
/// <param name="Message">Why the value was rejected, without repeating it.</param>
internal readonly record struct FieldError(string Field, string Message);
