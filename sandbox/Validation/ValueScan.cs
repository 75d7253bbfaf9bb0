using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// A first pass over the whole value, schema or not, without recursion: it finds what must stop validation (nesting
/// too deep, a member name given twice) and the values the schema walk may not visit (strings past the default cap
/// and non-JSON values inside free-form objects such as <c>meta</c>).
/// </summary>
internal sealed class ValueScan
{
    private ValueScan(bool canValidate) => CanValidate = canValidate;

    /// <summary>False when validation must stop at the scan's error.</summary>
    public bool CanValidate { get; }

    /// <summary>Strings longer than <see cref="SchemaValidator.DefaultMaxLength"/> UTF-16 characters.</summary>
    public List<(JsonNode Node, FieldPath Path)> LongStrings { get; } = new();

    /// <summary>Values that are not JSON (NaN, infinity, CLR objects that fail to serialize).</summary>
    public List<FieldPath> NotJson { get; } = new();

    public static ValueScan Run(JsonNode? root, FieldPath rootPath, ErrorCollector errors)
    {
        var scan = new ValueScan(true);
        var pending = new Stack<(JsonNode? Node, FieldPath Path, int Depth)>();
        pending.Push((root, rootPath, 1));
        while (pending.Count > 0)
        {
            var (node, path, depth) = pending.Pop();
            if (node is JsonObject or JsonArray && depth > SchemaValidator.MaxDepth)
            {
                errors.Add(rootPath, $"is nested more than {SchemaValidator.MaxDepth} levels deep");
                return new ValueScan(false);
            }

            switch (node)
            {
                case JsonObject obj:
                    KeyValuePair<string, JsonNode?>[] members;
                    try
                    {
                        members = obj.ToArray();
                    }
                    catch (ArgumentException)
                    {
                        // JsonNode.Parse accepts {"a":1,"a":2} and only fails when the object is first read.
                        errors.Add(path, "has a member name more than once");
                        return new ValueScan(false);
                    }

                    for (var i = members.Length - 1; i >= 0; i--)
                    {
                        pending.Push((members[i].Value, path.Member(members[i].Key), depth + 1));
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push((array[i], path.Item(i), depth + 1));
                    }

                    break;
                case JsonValue value:
                    var scalar = JsonScalar.Of(value);
                    if (scalar.Kind == JsonKind.Unsupported)
                    {
                        scan.NotJson.Add(path);
                    }
                    else if (scalar.Text is { Length: > SchemaValidator.DefaultMaxLength })
                    {
                        scan.LongStrings.Add((value, path));
                    }

                    break;
            }
        }

        return scan;
    }
}
