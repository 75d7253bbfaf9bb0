using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// What the client template needs for one client class: its operations' signatures, docs and bodies, and the
/// static header rules they share. Renders the operation records (and their convention records) as they are.
/// </summary>
internal sealed class ClientView
{
    private const string RequestOptions = "global::Flutterwave.Runtime.RequestOptions";

    private readonly SpecModel _spec;
    private readonly SpecConventionsModel _conventions;
    private readonly CSharpTypes _types;
    private readonly string _version;

    public ClientView(SpecModel spec, CSharpTypes types, string version)
    {
        _spec = spec;
        _conventions = spec.Conventions!;
        _types = types;
        _version = version;
    }

    /// <summary>The options class the client is configured with.</summary>
    public string OptionsType => _conventions.Options == OptionsKind.Flutterwave
        ? "global::Flutterwave.Runtime.FlutterwaveOptions"
        : "global::Flutterwave.Runtime.ApiClientOptions";

    public object Create(string name, DocModel doc, bool isRoot, EquatableArray<OperationModel> operations, IEnumerable<ClientGroupModel> groups)
    {
        var headers = new HeaderFields();
        var operationViews = operations.Select(o => Operation(o, headers)).ToList();
        return new
        {
            _spec.Namespace,
            Name = name,
            Version = _version,
            IsRoot = isRoot,
            OptionsType,
            HeaderFields = headers.Fields,
            Doc = XmlDoc.Render(doc, "    ", $"Operations tagged <c>{XmlDoc.Escape(name)}</c>."),
            DefaultBaseAddressXml = _spec.DefaultServerUrl is null ? null : XmlDoc.Escape(_spec.DefaultServerUrl),
            DefaultBaseAddressExpression = _spec.DefaultServerUrl is null ? "null" : $"new global::System.Uri({Literals.String(_spec.DefaultServerUrl)})",
            DescriptionExpression = DescriptionExpression(name),
            Groups = groups.Select(g => new
            {
                g.PropertyName,
                g.ClassName,
                Doc = XmlDoc.Render(g.Doc, "        ", $"The <c>{XmlDoc.Escape(g.PropertyName)}</c> operations."),
            }).ToList(),
            Operations = operationViews,
        };
    }

    private string DescriptionExpression(string clientName)
    {
        var schemes = new List<string>();
        foreach (var scheme in _spec.SecuritySchemes)
        {
            var tokenUrl = scheme.TokenUrl is { } url ? $"new global::System.Uri({Literals.String(url)})" : "null";
            var parameter = scheme.ParameterName is null ? "null" : Literals.String(scheme.ParameterName);
            schemes.Add($"new global::Flutterwave.Runtime.ApiSecurityScheme({Literals.String(scheme.Key)}, global::Flutterwave.Runtime.ApiSecuritySchemeKind.{SchemeKind(scheme.Kind)}, {parameter}, {tokenUrl})");
        }

        var list = schemes.Count == 0
            ? "global::System.Array.Empty<global::Flutterwave.Runtime.ApiSecurityScheme>()"
            : "new global::Flutterwave.Runtime.ApiSecurityScheme[] { " + string.Join(", ", schemes) + " }";
        return $"new global::Flutterwave.Runtime.ApiDescription({Literals.String(clientName)}, DefaultBaseAddress, {list}, {Literals.String(_spec.TelemetryName)})";
    }

    private static string SchemeKind(SecuritySchemeKind kind) => kind switch
    {
        SecuritySchemeKind.OAuth2ClientCredentials => "OAuth2ClientCredentials",
        SecuritySchemeKind.ApiKeyHeader => "ApiKeyHeader",
        SecuritySchemeKind.ApiKeyQuery => "ApiKeyQuery",
        SecuritySchemeKind.HttpBearer => "HttpBearer",
        SecuritySchemeKind.HttpBasic => "HttpBasic",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Reading keeps only schemes the runtime applies."),
    };

    private object Operation(OperationModel operation, HeaderFields headers)
    {
        var conventions = operation.Conventions ?? OperationConventionsModel.None;
        var ordered = OrderParameters(operation);
        var signature = new List<string>();
        var docs = new List<(string Kind, string Attributes, string Text)>();
        foreach (var (parameter, body) in ordered)
        {
            if (body is not null)
            {
                var bodyNullable = !body.Required;
                signature.Add(_types.TypeName(body.Type, bodyNullable) + " " + body.ParameterName + (bodyNullable ? " = null" : string.Empty));
                docs.Add(("param", $" name=\"{body.ParameterName}\"", XmlDoc.Escape(body.Doc.Summary ?? "The request body.")));
                continue;
            }

            var p = parameter!;
            var optional = !p.Required;
            signature.Add(_types.TypeName(p.Type, optional) + " " + p.Name + (optional ? " = null" : string.Empty));
            var text = p.Doc.Summary is { } summary ? XmlDoc.Escape(summary) : $"The <c>{XmlDoc.Escape(p.ApiName)}</c> {p.Location.ToString().ToLowerInvariant()} parameter.";
            docs.Add(("param", $" name=\"{XmlDoc.EscapeAttribute(p.Name.TrimStart('@'))}\"", text));
        }

        signature.Add(RequestOptions + "? options = null");
        signature.Add("global::System.Threading.CancellationToken cancellationToken = default");
        docs.Add(("param", " name=\"options\"", OptionsDoc(conventions)));
        docs.Add(("param", " name=\"cancellationToken\"", "Cancels the call."));
        var (returnType, returnDoc) = ReturnType(operation.Response, conventions.Envelope);
        if (returnDoc is not null)
        {
            docs.Add(("returns", string.Empty, returnDoc));
        }

        docs.Add(("exception", " cref=\"global::Flutterwave.Runtime.ApiException\"", "The API answered with an error status, or with a body that could not be read."));
        var fallback = $"Calls <c>{XmlDoc.Escape(operation.HttpMethod)} {XmlDoc.Escape(operation.PathTemplate)}</c> (<c>{XmlDoc.Escape(operation.OperationId)}</c>).";
        var doc = operation.Doc.Summary is null ? operation.Doc : operation.Doc with
        {
            Remarks = (operation.Doc.Remarks is null ? string.Empty : operation.Doc.Remarks + "\n\n") + $"{operation.HttpMethod} {operation.PathTemplate} ({operation.OperationId})",
        };

        return new
        {
            operation.MethodName,
            Doc = XmlDoc.Render(doc, "        ", fallback, docs),
            Attributes = SourceEmitter.Obsolete(operation.Doc, "        ") + SpecAnnotations.Operation(operation, "        "),
            ReturnType = returnType,
            Parameters = string.Join(", ", signature),
            Body = OperationBody(operation, conventions, headers),
            AutoPaging = conventions.Paging is { } paging ? AutoPaging(operation, paging, conventions.Envelope!, ordered, signature, docs) : null,
        };
    }

    /// <summary>What the <c>options</c> parameter carries for this operation: the headers it fills, by name.</summary>
    private static string OptionsDoc(OperationConventionsModel conventions)
    {
        var parts = new List<string>();
        if (conventions.IdempotencyKey is { } idempotency)
        {
            parts.Add($"the idempotency key (<c>{XmlDoc.Escape(idempotency.HeaderName)}</c>{(idempotency.GenerateWhenMissing ? ", generated when not given" : string.Empty)})");
        }

        if (conventions.TraceId is { } trace)
        {
            parts.Add($"the trace id (<c>{XmlDoc.Escape(trace.HeaderName)}</c>{(trace.GenerateWhenMissing ? ", generated when not given" : string.Empty)})");
        }

        if (conventions.ScenarioKey is { } scenario)
        {
            parts.Add($"the test scenario (<c>{XmlDoc.Escape(scenario.HeaderName)}</c>)");
        }

        return parts.Count == 0
            ? "Per-call options; this operation declares no idempotency, trace or scenario header."
            : "Per-call options: " + string.Join(", ", parts) + ".";
    }

    private object AutoPaging(OperationModel operation, PagingModel paging, EnvelopeModel envelope, List<(ParameterModel? Parameter, BodyModel? Body)> ordered, List<string> signature, List<(string Kind, string Attributes, string Text)> docs)
    {
        var parameters = new List<string>();
        var arguments = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (parameter, body) = ordered[i];
            var name = body?.ParameterName ?? parameter!.Name;
            if (parameter is not null && parameter.Name == paging.PageParameter)
            {
                arguments.Add(name + ": page");
                continue;
            }

            parameters.Add(signature[i]);
            arguments.Add(name + ": " + name);
        }

        parameters.Add(RequestOptions + "? options = null");
        parameters.Add("[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default");
        arguments.Add("options: options");
        arguments.Add("cancellationToken: cancellationToken");
        var pageDocName = XmlDoc.EscapeAttribute(paging.PageParameter.TrimStart('@'));
        var pagingDocs = docs.Where(d => !(d.Kind == "param" && d.Attributes == $" name=\"{pageDocName}\"") && d.Kind != "returns").ToList();
        pagingDocs.Add(("returns", string.Empty, "Every item of every page, fetched one page at a time as the enumeration needs them."));
        var summary = $"Enumerates all items of <see cref=\"{XmlDoc.EscapeAttribute(operation.MethodName)}\"/>, page after page, starting at page 1 and stopping after the last page <c>meta.page_info</c> reports.";
        return new
        {
            paging.MethodName,
            ItemType = _types.TypeName(envelope.Type),
            PageType = paging.PageType == TypeKind.Int32 ? "int" : "long",
            Parameters = string.Join(", ", parameters),
            Arguments = string.Join(", ", arguments),
            Doc = XmlDoc.Render(new DocModel(null, null, null, null, operation.Doc.Deprecated), "        ", summary, pagingDocs),
        };
    }

    private static List<(ParameterModel? Parameter, BodyModel? Body)> OrderParameters(OperationModel operation)
    {
        // Path, then required query and header, then a required body; optional ones follow (C# needs them last).
        var result = new List<(ParameterModel?, BodyModel?)>();
        result.AddRange(operation.Parameters.Where(p => p.Location == ParameterLocation.Path).Select(p => ((ParameterModel?)p, (BodyModel?)null)));
        result.AddRange(operation.Parameters.Where(p => p.Location != ParameterLocation.Path && p.Required).Select(p => ((ParameterModel?)p, (BodyModel?)null)));
        if (operation.Body is { Required: true } required)
        {
            result.Add((null, required));
        }

        result.AddRange(operation.Parameters.Where(p => p.Location != ParameterLocation.Path && !p.Required).Select(p => ((ParameterModel?)p, (BodyModel?)null)));
        if (operation.Body is { Required: false } optional)
        {
            result.Add((null, optional));
        }

        return result;
    }

    private (string Type, string? Doc) ReturnType(ResponseModel response, EnvelopeModel? envelope) => (response.Kind, envelope?.Kind) switch
    {
        (ResultKind.None, _) => ("global::System.Threading.Tasks.Task", null),
        (_, EnvelopeKind.Page) => ($"global::System.Threading.Tasks.Task<global::Flutterwave.Runtime.Paging.Page<{_types.TypeName(envelope!.Type)}>>", "The page: the envelope's <c>data</c> items and <c>meta.page_info</c>."),
        (_, EnvelopeKind.Data) => ($"global::System.Threading.Tasks.Task<{_types.TypeName(envelope!.Type)}>", Returns(response, "The envelope's <c>data</c>")),
        _ => ($"global::System.Threading.Tasks.Task<{_types.TypeName(response.Type!)}>", Returns(response, "The response body")),
    };

    private static string Returns(ResponseModel response, string what) =>
        response.Description is { } description ? $"{what}: {XmlDoc.Escape(description)}" : what + ".";

    private string OperationBody(OperationModel operation, OperationConventionsModel conventions, HeaderFields headers)
    {
        const string indent = "            ";
        var lines = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            lines.Add($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
        }

        if (operation.Body is { Required: true } requiredBody && !requiredBody.Type.IsValueType)
        {
            lines.Add($"global::System.ArgumentNullException.ThrowIfNull({requiredBody.ParameterName});");
        }

        lines.Add($"var request = new global::Flutterwave.Runtime.Http.ApiRequest(global::System.Net.Http.HttpMethod.{HttpMethodMember(operation.HttpMethod)}, {Literals.String(operation.OperationId)}, {Literals.String(operation.PathTemplate)});");
        foreach (var segment in operation.PathSegments)
        {
            if (segment.Literal is not null)
            {
                lines.Add($"request.AppendPath({Literals.String(segment.Literal)});");
            }
            else
            {
                var parameter = operation.Parameters.First(p => p.Name == segment.ParameterName);
                lines.Add($"request.AppendPathParameter({FormatValue(parameter.Type, parameter.Name)}, {Literals.String(parameter.ApiName)});");
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Path))
        {
            AddParameter(lines, parameter);
        }

        if (operation.NoAuthentication)
        {
            lines.Add("request.RequiresAuthentication = false;");
        }

        AddOptionHeader(lines, headers, "IdempotencyKeyHeader", conventions.IdempotencyKey);
        AddOptionHeader(lines, headers, "TraceIdHeader", conventions.TraceId);
        AddOptionHeader(lines, headers, "ScenarioKeyHeader", conventions.ScenarioKey);

        if (operation.Body is { } body)
        {
            AddBody(lines, body);
        }

        lines.Add("var response = await _transport.SendAsync(request, options, cancellationToken).ConfigureAwait(false);");
        lines.Add(ReadResponse(operation.Response, conventions.Envelope));

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(indent).Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private void AddParameter(List<string> lines, ParameterModel parameter)
    {
        var method = parameter.Location == ParameterLocation.Query ? "AddQuery" : "AddHeader";
        var name = Literals.String(parameter.ApiName);
        var local = "p_" + parameter.Name.TrimStart('@');
        var value = parameter.Required ? parameter.Name : local;
        var add = new List<string>();
        if (parameter.Type.Kind == TypeKind.List && parameter.Explode && parameter.Location == ParameterLocation.Query)
        {
            // form style, exploded: ?tag=a&tag=b
            add.Add($"foreach (var item in {value})");
            add.Add("{");
            add.Add($"    request.{method}({name}, {_types.Format(parameter.Type.Item!, "item")});");
            add.Add("}");
        }
        else
        {
            add.Add($"request.{method}({name}, {FormatValue(parameter.Type, value)});");
        }

        if (parameter.Required)
        {
            lines.AddRange(add);
        }
        else
        {
            lines.Add($"if ({parameter.Name} is {{ }} {local})");
            lines.Add("{");
            lines.AddRange(add.Select(l => "    " + l));
            lines.Add("}");
        }
    }

    private static void AddOptionHeader(List<string> lines, HeaderFields headers, string property, OptionHeaderModel? header)
    {
        if (header is not null)
        {
            lines.Add($"request.{property} = {headers.FieldFor(header)};");
        }
    }

    private void AddBody(List<string> lines, BodyModel body)
    {
        // An optional body is tested with a pattern, which also unwraps a value type (JsonElement?).
        var value = body.Required ? body.ParameterName : "b_" + body.ParameterName.TrimStart('@');
        var set = body.Kind switch
        {
            BodyKind.Json => $"request.SetJsonBody<{_types.TypeName(body.Type)}>({value}, {_types.WriterDelegate(body.Type, nullable: false, depth: 0)}, {Literals.String(body.ContentType)});",
            BodyKind.Text => $"request.SetBody(global::System.Text.Encoding.UTF8.GetBytes({value}), {Literals.String(body.ContentType)});",
            _ => $"request.SetBody({value}, {Literals.String(body.ContentType)});",
        };
        if (body.Required)
        {
            lines.Add(set);
        }
        else
        {
            lines.Add($"if ({body.ParameterName} is {{ }} {value})");
            lines.Add("{");
            lines.Add("    " + set);
            lines.Add("}");
        }
    }

    private string ReadResponse(ResponseModel response, EnvelopeModel? envelope)
    {
        if (envelope is not null && response.Kind == ResultKind.Json)
        {
            var item = envelope.Type;
            var method = envelope.Kind == EnvelopeKind.Page ? "ReadPage" : "ReadEnvelopeData";
            return $"return response.{method}<{_types.TypeName(item)}>({_types.ReaderDelegate(item, nullable: false, depth: 0)});";
        }

        return response.Kind switch
        {
            ResultKind.Json => $"return response.ReadJson<{_types.TypeName(response.Type!)}>({_types.ReaderDelegate(response.Type!, nullable: false, depth: 0)});",
            ResultKind.Text => "return response.ReadText();",
            ResultKind.Binary => "return response.ReadBytes();",
            _ => "_ = response;",
        };
    }

    /// <summary>A parameter value as text; lists are joined with commas (simple style, and form without explode).</summary>
    private string FormatValue(TypeRef type, string value) => type.Kind == TypeKind.List
        ? $"{CSharpTypes.Formatter}.Join<{_types.TypeName(type.Item!)}>({value}, {_types.FormatDelegate(type.Item!)})"
        : _types.Format(type, value);

    private static string HttpMethodMember(string method) => method switch
    {
        "GET" => "Get",
        "PUT" => "Put",
        "POST" => "Post",
        "DELETE" => "Delete",
        "OPTIONS" => "Options",
        "HEAD" => "Head",
        "PATCH" => "Patch",
        "TRACE" => "Trace",
        _ => "Parse(" + Literals.String(method) + ")",
    };

    /// <summary>
    /// The client class's static header rules, one field per distinct rule (operations with the same rules share
    /// one), so a call allocates none and a pattern is compiled once.
    /// </summary>
    private sealed class HeaderFields
    {
        private readonly Dictionary<OptionHeaderModel, string> _names = new();

        public List<object> Fields { get; } = new();

        public string FieldFor(OptionHeaderModel header)
        {
            if (_names.TryGetValue(header, out var name))
            {
                return name;
            }

            name = "s_optionHeader" + _names.Count.ToString(CultureInfo.InvariantCulture);
            _names[header] = name;
            Fields.Add(new
            {
                Name = name,
                Expression = "new global::Flutterwave.Runtime.Http.OptionHeader("
                    + Literals.String(header.HeaderName) + ", "
                    + Int(header.MinLength) + ", "
                    + Int(header.MaxLength) + ", "
                    + (header.Pattern is null ? "null" : Literals.String(header.Pattern)) + ", "
                    + "required: " + Bool(header.Required) + ", "
                    + "generateWhenMissing: " + Bool(header.GenerateWhenMissing) + ")",
                Doc = XmlDoc.Escape(header.HeaderName),
            });
            return name;
        }

        private static string Int(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
