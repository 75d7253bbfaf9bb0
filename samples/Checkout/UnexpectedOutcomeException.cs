namespace Checkout;

/// <summary>
/// A step got an answer, but not the one it should have (a status or next action the flow does not expect), or
/// could not start because an earlier step did not produce what it needs.
/// </summary>
internal sealed class UnexpectedOutcomeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what came instead (ids and statuses only).</param>
    /// <param name="id">The id of the object concerned, if any.</param>
    /// <param name="result">The step's result in a few words, for the summary.</param>
    public UnexpectedOutcomeException(string message, string? id = null, string result = "unexpected outcome")
        : base(message)
    {
        Id = id;
        Result = result;
    }

    /// <summary>The id of the object concerned, if any.</summary>
    public string? Id { get; }

    /// <summary>The step's result in a few words, for the summary.</summary>
    public string Result { get; }
}
