using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Validation;

/// <summary>Reads the operations of an OpenAPI 3.x document (as JSON nodes) in document order.</summary>
internal static class SpecOperationReader
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    private static readonly HashSet<string> Locations = new(StringComparer.Ordinal) { "path", "query", "header", "cookie" };

    /// <exception cref="FormatException">The document is not an OpenAPI 3.x document the sandbox can serve.</exception>
    public static IReadOnlyList<OperationRules> Read(JsonNode? root)
    {
        if (root is not JsonObject document)
        {
            throw new FormatException("The spec must be a mapping at its top level.");
        }

        var version = JsonScalar.Of(document["openapi"]);
        var versionText = version.Text ?? version.Element?.GetRawText();
        if (versionText is null || !versionText.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new FormatException("The spec must be an OpenAPI 3.x document ('openapi: 3.0.x' or '3.1.x').");
        }

        if (document["paths"] is not JsonObject paths)
        {
            throw new FormatException("The spec has no 'paths' mapping.");
        }

        var references = new SpecReferences(document);
        var schemas = new SchemaReader(references);
        var operations = new List<OperationRules>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in paths)
        {
            var itemPointer = SpecReferences.Append("#/paths", path);
            if (!path.StartsWith('/'))
            {
                throw new FormatException($"The spec's path '{path}' must start with '/'.");
            }

            if (item is not JsonObject pathItem)
            {
                throw new FormatException($"The spec's path item at {itemPointer} must be a mapping.");
            }

            if (pathItem.ContainsKey("$ref"))
            {
                throw new FormatException($"The spec's path item at {itemPointer} is a $ref; the sandbox reads path items written in place.");
            }

            var shared = ReadParameters(pathItem, itemPointer, references, schemas);
            foreach (var (method, value) in pathItem)
            {
                if (!Methods.Contains(method))
                {
                    continue;
                }

                var pointer = SpecReferences.Append(itemPointer, method);
                if (value is not JsonObject operation)
                {
                    throw new FormatException($"The spec's operation at {pointer} must be a mapping.");
                }

                var id = JsonScalar.Of(operation["operationId"]).Text;
                if (string.IsNullOrWhiteSpace(id))
                {
                    throw new FormatException($"The spec's operation at {pointer} has no operationId; the sandbox names operations by it.");
                }

                if (!ids.Add(id))
                {
                    throw new FormatException($"The spec's operationId '{id}' is used by more than one operation.");
                }

                var own = ReadParameters(operation, pointer, references, schemas);
                var parameters = own
                    .Concat(shared.Where(s => !own.Any(o => SameParameter(o.Parameter, s.Parameter))))
                    .ToArray();
                var (hasBody, bodyRequired, bodySchema) = ReadRequestBody(operation, pointer, references, schemas);
                operations.Add(new OperationRules(
                    new SpecOperation(id, method.ToUpperInvariant(), path, hasBody, bodyRequired),
                    parameters,
                    bodySchema));
            }
        }

        return operations;
    }

    private static bool SameParameter(SpecParameter a, SpecParameter b) =>
        a.Location == b.Location
        && string.Equals(a.Name, b.Name, a.Location == "header" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static List<ParameterRule> ReadParameters(JsonObject owner, string ownerPointer, SpecReferences references, SchemaReader schemas)
    {
        var result = new List<ParameterRule>();
        if (!owner.TryGetPropertyValue("parameters", out var list) || list is null)
        {
            return result;
        }

        var listPointer = SpecReferences.Append(ownerPointer, "parameters");
        if (list is not JsonArray items)
        {
            throw new FormatException($"The spec's parameters at {listPointer} must be a list.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var (parameter, pointer) = references.Follow(items[i], SpecReferences.Append(listPointer, i), "parameter");
            var name = JsonScalar.Of(parameter["name"]).Text;
            var location = JsonScalar.Of(parameter["in"]).Text;
            if (string.IsNullOrEmpty(name) || location is null || !Locations.Contains(location))
            {
                throw new FormatException(
                    $"The spec's parameter at {pointer} needs a 'name' and an 'in' of path, query, header or cookie.");
            }

            var required = location == "path" || JsonScalar.Of(parameter["required"]) is { Kind: JsonKind.Boolean, Boolean: true };
            var schema = parameter.TryGetPropertyValue("schema", out var node)
                ? schemas.Read(node, SpecReferences.Append(pointer, "schema"))
                : null;
            var spec = new SpecParameter(name, location, required);
            if (result.Any(r => SameParameter(r.Parameter, spec)))
            {
                throw new FormatException($"The spec declares the {location} parameter '{name}' twice in {listPointer}.");
            }

            result.Add(new ParameterRule(spec, schema));
        }

        return result;
    }

    private static (bool HasBody, bool Required, SchemaRule? Schema) ReadRequestBody(
        JsonObject operation, string operationPointer, SpecReferences references, SchemaReader schemas)
    {
        if (!operation.TryGetPropertyValue("requestBody", out var node) || node is null)
        {
            return (false, false, null);
        }

        var (body, pointer) = references.Follow(node, SpecReferences.Append(operationPointer, "requestBody"), "request body");
        if (body["content"] is not JsonObject content)
        {
            throw new FormatException($"The spec's request body at {pointer} has no 'content' mapping.");
        }

        // application/json first, then any other JSON media type (application/merge-patch+json, ...).
        var media = content.FirstOrDefault(m => IsJson(m.Key, exact: true));
        if (media.Key is null)
        {
            media = content.FirstOrDefault(m => IsJson(m.Key, exact: false));
        }

        if (media.Key is null)
        {
            // A body the sandbox cannot read as JSON (a form, a file): not a JSON body as far as validation goes.
            return (false, false, null);
        }

        var required = JsonScalar.Of(body["required"]) is { Kind: JsonKind.Boolean, Boolean: true };
        var mediaPointer = SpecReferences.Append(SpecReferences.Append(pointer, "content"), media.Key);
        SchemaRule? schema = null;
        if (media.Value is JsonObject mediaType && mediaType.TryGetPropertyValue("schema", out var schemaNode))
        {
            schema = schemas.Read(schemaNode, SpecReferences.Append(mediaPointer, "schema"));
        }

        return (true, required, schema);
    }

    private static bool IsJson(string mediaType, bool exact)
    {
        var type = mediaType.Split(';')[0].Trim();
        return exact
            ? type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            : type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
