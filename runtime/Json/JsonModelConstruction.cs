namespace Flutterwave.Runtime.Json;

/// <summary>
/// Selects the constructor generated types use while reading JSON (which sets required members as it reads them).
/// Not for use in application code.
/// </summary>
public readonly struct JsonModelConstruction
{
}
