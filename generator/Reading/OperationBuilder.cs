using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using Flutterwave.Codegen.Diagnostics;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;
using Microsoft.OpenApi;

namespace Flutterwave.Codegen.Reading;

/// <summary>
/// Where paths become methods: one <see cref="OperationModel"/> per operation, grouped into a client per tag
/// (untagged operations stay on the root client).
/// </summary>
internal sealed class OperationBuilder
{
    private static readonly HttpMethod[] MethodOrder =
    {
        HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Head,
        new("PATCH"), HttpMethod.Trace, new("QUERY"),
    };

    private static readonly string[] ClientMemberNames = { "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "Transport", "DefaultBaseAddress" };

    private readonly OpenApiDocument _document;
    private readonly SchemaTypeBuilder _types;
    private readonly NameScope _typeNames;
    private readonly DiagnosticSink _diagnostics;
    private readonly string _clientName;

    public OperationBuilder(OpenApiDocument document, SchemaTypeBuilder types, NameScope typeNames, DiagnosticSink diagnostics, string clientName)
    {
        _document = document;
        _types = types;
        _typeNames = typeNames;
        _diagnostics = diagnostics;
        _clientName = clientName;
    }

    public (EquatableArray<ClientGroupModel> Groups, EquatableArray<OperationModel> RootOperations) Build()
    {
        var operations = new List<(string Path, HttpMethod Method, OpenApiOperation Operation, IOpenApiPathItem Item)>();
        if (_document.Paths is { } paths)
        {
            foreach (var path in paths)
            {
                if (path.Value?.Operations is not { } byMethod)
                {
                    continue;
                }

                foreach (var method in MethodOrder.Concat(byMethod.Keys.Where(k => !MethodOrder.Contains(k)).OrderBy(k => k.Method, StringComparer.Ordinal)))
                {
                    if (byMethod.TryGetValue(method, out var operation) && operation is not null)
                    {
                        operations.Add((path.Key, method, operation, path.Value));
                    }
                }
            }
        }

        // Tag order: as the document lists its tags, then by first use.
        var tagOrder = new List<string>();
        if (_document.Tags is { } tags)
        {
            tagOrder.AddRange(tags.Select(t => t?.Name).Where(n => !string.IsNullOrWhiteSpace(n))!);
        }

        foreach (var (_, _, operation, _) in operations)
        {
            var tag = FirstTag(operation);
            if (tag is not null && !tagOrder.Contains(tag))
            {
                tagOrder.Add(tag);
            }
        }

        var usedTags = new HashSet<string>(operations.Select(o => FirstTag(o.Operation)).Where(t => t is not null)!);
        var rootScope = new NameScope(ignoreCase: false, ClientMemberNames.Concat(new[] { _clientName }));
        var groups = new List<(string Tag, string Property, string Class, DocModel Doc, NameScope Methods, List<OperationModel> Operations)>();
        foreach (var tag in tagOrder.Where(usedTags.Contains))
        {
            var pascal = Identifier.ToPascal(tag);
            var className = _typeNames.Claim(pascal + "Client");
            var tagObject = _document.Tags?.FirstOrDefault(t => t?.Name == tag);
            var doc = new DocModel(SchemaTypeBuilder.Clean(tagObject?.Description), null, null, null, false);
            groups.Add((tag, rootScope.Claim(pascal), className, doc, new NameScope(ignoreCase: false, ClientMemberNames.Concat(new[] { className })), new List<OperationModel>()));
        }

        var root = new List<OperationModel>();
        foreach (var (path, method, operation, item) in operations)
        {
            var tag = FirstTag(operation);
            var group = tag is null ? default : groups.FirstOrDefault(g => g.Tag == tag);
            var scope = group.Methods ?? rootScope;
            var model = BuildOperation(path, method, operation, item, scope);
            (group.Operations ?? root).Add(model);
        }

        return (
            groups.Select(g => new ClientGroupModel(g.Property, g.Class, g.Doc, g.Operations.ToEquatableArray())).ToEquatableArray(),
            root.ToEquatableArray());
    }

    private static string? FirstTag(OpenApiOperation operation)
    {
        var name = operation.Tags?.Select(t => t?.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        return name;
    }

    private OperationModel BuildOperation(string path, HttpMethod method, OpenApiOperation operation, IOpenApiPathItem item, NameScope methodScope)
    {
        var pointer = "#/paths/" + SpecDocumentReader.Escape(path) + "/" + method.Method.ToLowerInvariant();
        var operationId = string.IsNullOrWhiteSpace(operation.OperationId) ? SynthesizeOperationId(method, path) : operation.OperationId!;
        var pascal = Identifier.ToPascal(operationId);
        var methodName = ClaimMethodName(methodScope, pascal);

        var parameterScope = new NameScope(ignoreCase: false, new[] { "options", "cancellationToken" });
        var parameters = new List<ParameterModel>();

        foreach (var (parameter, parameterPointer) in MergeParameters(item, operation, pointer))
        {
            var name = parameter.Name ?? string.Empty;
            if (parameter.In is not (Microsoft.OpenApi.ParameterLocation.Path or Microsoft.OpenApi.ParameterLocation.Query or Microsoft.OpenApi.ParameterLocation.Header))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedParameter, parameterPointer, name, operationId, $"{parameter.In} parameters are not generated; add the value with a DelegatingHandler");
                continue;
            }

            var location = parameter.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Query => Model.ParameterLocation.Query,
                _ => Model.ParameterLocation.Header,
            };

            TypeRef type;
            if (parameter.Schema is null)
            {
                if (parameter.Content is { Count: > 0 })
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedParameter, parameterPointer, name, operationId, "it is declared with 'content'; it is passed as the text given");
                }

                type = TypeRef.String;
            }
            else
            {
                type = _types.Resolve(parameter.Schema, pascal + Identifier.ToPascal(name), parameterPointer + "/schema");
                if (!IsSimpleParameterType(type))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedParameter, parameterPointer, name, operationId, "its schema is an object; it is passed as the text given");
                    type = TypeRef.String;
                }
            }

            var doc = new DocModel(SchemaTypeBuilder.Clean(parameter.Description) ?? (parameter.Schema is null ? null : SchemaTypeBuilder.Clean(parameter.Schema.Description)), null, parameter.Example?.ToJsonString(), parameter.Schema?.Default?.ToJsonString(), parameter.Deprecated);
            parameters.Add(new ParameterModel(
                parameterScope.Claim(Identifier.ToCamel(name)),
                name,
                location,
                type,
                Required: location == Model.ParameterLocation.Path || parameter.Required,
                Explode: parameter.Style is null or ParameterStyle.Form ? parameter.Explode : false,
                doc,
                parameter.Schema is null ? ConstraintModel.None : SchemaTypeBuilder.Constraints(parameter.Schema),
                RoleHint(parameter)));
        }

        var segments = BuildPathSegments(path, parameters, parameterScope, pointer, operationId);
        var body = BuildBody(operation, pascal, pointer, parameterScope, operationId);
        var response = BuildResponse(operation, pascal, pointer, operationId);

        var summary = SchemaTypeBuilder.Clean(operation.Summary);
        var description = SchemaTypeBuilder.Clean(operation.Description);
        var docs = new DocModel(summary ?? description, summary is null ? null : description, null, null, operation.Deprecated);
        return new OperationModel(
            methodName,
            operationId,
            method.Method.ToUpperInvariant(),
            path,
            segments,
            parameters.ToEquatableArray(),
            body,
            response,
            docs,
            // `security: []` on the operation: a public endpoint, sent without credentials.
            NoAuthentication: operation.Security is { Count: 0 });
    }

    private static string ClaimMethodName(NameScope scope, string pascal)
    {
        for (var i = 1; ; i++)
        {
            var candidate = pascal + (i == 1 ? string.Empty : i.ToString(CultureInfo.InvariantCulture)) + "Async";
            if (!scope.IsTaken(candidate))
            {
                scope.Reserve(candidate);
                return candidate;
            }
        }
    }

    private IEnumerable<(IOpenApiParameter Parameter, string Pointer)> MergeParameters(IOpenApiPathItem item, OpenApiOperation operation, string operationPointer)
    {
        var pathPointer = operationPointer.Substring(0, operationPointer.LastIndexOf('/'));
        var merged = new List<(IOpenApiParameter, string)>();
        void Add(IList<IOpenApiParameter>? list, string basePointer)
        {
            if (list is null)
            {
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var parameter = list[i];
                var parameterPointer = basePointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture);
                if (parameter is OpenApiParameterReference { UnresolvedReference: true } unresolved)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, parameterPointer, unresolved.Reference?.ReferenceV3 ?? "?", "a parameter");
                    continue;
                }

                if (parameter?.Name is null)
                {
                    continue;
                }

                var existing = merged.FindIndex(p => p.Item1.Name == parameter.Name && p.Item1.In == parameter.In);
                if (existing >= 0)
                {
                    // An operation's parameter overrides the path item's parameter of the same name and location.
                    merged[existing] = (parameter, parameterPointer);
                }
                else
                {
                    merged.Add((parameter, parameterPointer));
                }
            }
        }

        Add(item.Parameters, pathPointer);
        Add(operation.Parameters, operationPointer);
        return merged;
    }

    private EquatableArray<PathSegmentModel> BuildPathSegments(string path, List<ParameterModel> parameters, NameScope parameterScope, string pointer, string operationId)
    {
        var segments = new List<PathSegmentModel>();
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                segments.Add(new PathSegmentModel(path.Substring(position), null));
                break;
            }

            if (open > position)
            {
                segments.Add(new PathSegmentModel(path.Substring(position, open - position), null));
            }

            var apiName = path.Substring(open + 1, close - open - 1);
            var parameter = parameters.FirstOrDefault(p => p.Location == Model.ParameterLocation.Path && p.ApiName == apiName);
            if (parameter is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedParameter, pointer, apiName, operationId, "the path uses it but the operation does not declare it; it is generated as a required string");
                parameter = new ParameterModel(parameterScope.Claim(Identifier.ToCamel(apiName)), apiName, Model.ParameterLocation.Path, TypeRef.String, true, false, DocModel.None, ConstraintModel.None);
                parameters.Add(parameter);
            }

            segments.Add(new PathSegmentModel(null, parameter.Name));
            position = close + 1;
        }

        return segments.ToEquatableArray();
    }

    private BodyModel? BuildBody(OpenApiOperation operation, string pascal, string pointer, NameScope parameterScope, string operationId)
    {
        var requestBody = operation.RequestBody;
        if (requestBody is OpenApiRequestBodyReference { UnresolvedReference: true } unresolved)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/requestBody", unresolved.Reference?.ReferenceV3 ?? "?", "the request body");
            return null;
        }

        if (requestBody?.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var bodyPointer = pointer + "/requestBody/content/";
        var (mediaType, media) = PickMediaType(content);
        var kind = Classify(mediaType);
        var name = parameterScope.Claim("body");
        var doc = new DocModel(SchemaTypeBuilder.Clean(requestBody.Description), null, null, null, false);
        switch (kind)
        {
            case BodyKind.Json:
                var type = media?.Schema is null ? TypeRef.Element : _types.Resolve(media.Schema, pascal + "Request", bodyPointer + SpecDocumentReader.Escape(mediaType) + "/schema");
                return new BodyModel(name, type, BodyKind.Json, mediaType, requestBody.Required, doc);
            case BodyKind.Text:
                return new BodyModel(name, TypeRef.String, BodyKind.Text, mediaType, requestBody.Required, doc);
            default:
                if (IsForm(mediaType))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedMediaType, bodyPointer + SpecDocumentReader.Escape(mediaType), operationId, mediaType, "the body is taken as bytes you encode yourself");
                }

                return new BodyModel(name, new TypeRef(TypeKind.Bytes), BodyKind.Binary, mediaType, requestBody.Required, doc);
        }
    }

    private ResponseModel BuildResponse(OpenApiOperation operation, string pascal, string pointer, string operationId)
    {
        if (operation.Responses is not { Count: > 0 } responses)
        {
            return ResponseModel.None;
        }

        var success = responses
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .OrderBy(r => r.Key.Equals("2XX", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        if (success.Count == 0)
        {
            return ResponseModel.None;
        }

        var (code, response) = (success[0].Key, success[0].Value);
        if (response is OpenApiResponseReference { UnresolvedReference: true } unresolved)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/responses/" + code, unresolved.Reference?.ReferenceV3 ?? "?", "the response");
            return ResponseModel.None;
        }

        if (response?.Content is not { Count: > 0 } content)
        {
            return ResponseModel.None;
        }

        var description = SchemaTypeBuilder.Clean(response.Description);
        var (mediaType, media) = PickMediaType(content);
        switch (Classify(mediaType))
        {
            case BodyKind.Json:
                if (media?.Schema is null)
                {
                    return new ResponseModel(ResultKind.Json, TypeRef.Element, description);
                }

                var type = _types.Resolve(media.Schema, pascal + "Response", pointer + "/responses/" + code + "/content/" + SpecDocumentReader.Escape(mediaType) + "/schema");
                return new ResponseModel(ResultKind.Json, type, description);
            case BodyKind.Text:
                return new ResponseModel(ResultKind.Text, TypeRef.String, description);
            default:
                return new ResponseModel(ResultKind.Binary, new TypeRef(TypeKind.Bytes), description);
        }
    }

    private static (string MediaType, IOpenApiMediaType? Media) PickMediaType(IDictionary<string, IOpenApiMediaType> content)
    {
        foreach (var entry in content)
        {
            if (Classify(entry.Key) == BodyKind.Json)
            {
                return (entry.Key, entry.Value);
            }
        }

        var first = content.First();
        return (first.Key, first.Value);
    }

    private static BodyKind Classify(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json" || type == "*/*")
        {
            return BodyKind.Json;
        }

        return type.StartsWith("text/", StringComparison.Ordinal) ? BodyKind.Text : BodyKind.Binary;
    }

    private static bool IsForm(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "multipart/form-data" or "application/x-www-form-urlencoded" || type.StartsWith("multipart/", StringComparison.Ordinal);
    }

    /// <summary>The <c>x-codegen-header</c> extension: what a header parameter carries, for names the conventions do not know.</summary>
    private static string? RoleHint(IOpenApiParameter parameter) =>
        parameter.Extensions is { } extensions && extensions.TryGetValue("x-codegen-header", out var extension)
            && extension is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue value } && value.TryGetValue<string>(out var text)
            ? text.Trim()
            : null;

    private static bool IsSimpleParameterType(TypeRef type) => type.Kind switch
    {
        TypeKind.List => type.Item is { } item && item.Kind is not (TypeKind.List or TypeKind.Map or TypeKind.Model or TypeKind.FreeFormObject or TypeKind.Element),
        TypeKind.Map or TypeKind.Model or TypeKind.FreeFormObject or TypeKind.Element => false,
        _ => true,
    };

    private static string SynthesizeOperationId(HttpMethod method, string path)
    {
        // GET /customers/{id}/cards -> GetCustomersByIdCards: stable, and readable enough to find in the spec.
        var name = method.Method.ToLowerInvariant();
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            name += segment.StartsWith("{", StringComparison.Ordinal)
                ? "By" + Identifier.ToPascal(segment.Trim('{', '}'))
                : Identifier.ToPascal(segment);
        }

        return name;
    }
}
