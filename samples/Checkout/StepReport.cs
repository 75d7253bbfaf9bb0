namespace Checkout;

/// <summary>What a step returns when it did what it should.</summary>
/// <param name="Result">The outcome in a few words, e.g. <c>succeeded</c>.</param>
/// <param name="Id">The id of the main object the step created or looked at.</param>
internal sealed record StepReport(string Result, string? Id);
