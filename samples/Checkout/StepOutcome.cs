namespace Checkout;

/// <summary>One finished step, as the summary shows it.</summary>
/// <param name="Key">The step's letter.</param>
/// <param name="Title">What the step does.</param>
/// <param name="Passed">Whether it did what it should.</param>
/// <param name="Result">The outcome in a few words.</param>
/// <param name="Id">The id of the main object it created, when it got that far.</param>
/// <param name="Duration">How long it took.</param>
internal sealed record StepOutcome(string Key, string Title, bool Passed, string Result, string? Id, TimeSpan Duration);
