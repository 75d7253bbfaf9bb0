namespace Flutterwave.Sandbox.Validation;

/// <summary>The errors found so far, without duplicates and up to a limit; past the limit, walking can stop.</summary>
internal sealed class ErrorCollector
{
    private readonly int limit;
    private readonly List<FieldError> errors = new();
    private readonly HashSet<FieldError> seen = new();
    private readonly HashSet<string> fields = new(StringComparer.Ordinal);

    public ErrorCollector(int limit) => this.limit = limit;

    public bool IsFull => errors.Count >= limit;

    public int Count => errors.Count;

    public void Add(FieldPath path, string message)
    {
        if (IsFull)
        {
            return;
        }

        var error = new FieldError(path.ToString(), message);
        if (seen.Add(error))
        {
            errors.Add(error);
            fields.Add(error.Field);
        }
    }

    /// <summary>Whether some error already names <paramref name="field"/>.</summary>
    public bool HasErrorAt(string field) => fields.Contains(field);

    public IReadOnlyList<FieldError> ToList() => errors.ToArray();
}
