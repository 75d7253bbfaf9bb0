using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// Model to text: prepares what each template needs (names, types, expressions, doc comments) and renders one file
/// per generated type. Templates hold the shape of the code; this class holds the C# details.
/// </summary>
internal sealed class SourceEmitter
{
    private readonly SpecModel _spec;
    private readonly CSharpTypes _types;
    private readonly string _version;

    public SourceEmitter(SpecModel spec)
    {
        _spec = spec;
        _types = new CSharpTypes(spec.Namespace);
        _version = GeneratorVersion.Value;
    }

    /// <summary>Renders every file: hint name and source text.</summary>
    public IEnumerable<(string HintName, string Source)> Emit(CancellationToken cancellationToken)
    {
        var header = Templates.Render(Templates.Header, new { Version = _version, SpecFile = System.IO.Path.GetFileName(_spec.SpecPath) });
        foreach (var type in _spec.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var body = type switch
            {
                ObjectModel model => Templates.Render(Templates.Object, ObjectView(model)),
                EnumModel model => Templates.Render(Templates.Enum, EnumView(model)),
                UnionModel model => Templates.Render(Templates.Union, UnionView(model)),
                _ => throw new InvalidOperationException("Unknown type model " + type.GetType().Name),
            };
            yield return (HintName(type.Name), header + body);
        }

        foreach (var group in _spec.Groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (HintName(group.ClassName), header + Templates.Render(Templates.Client, ClientView(group.ClassName, group.Doc, isRoot: false, group.Operations, Array.Empty<ClientGroupModel>())));
        }

        if (NextActionHelpersView.Create(_spec, _types, _version) is { } nextActions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (HintName(nextActions.ClassName), header + Templates.Render(Templates.NextActions, nextActions.View));
        }

        if (DeclineChecksView.Create(_spec, _types, _version) is { } declineChecks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (HintName(declineChecks.ClassName), header + Templates.Render(Templates.DeclineChecks, declineChecks.View));
        }

        var rootDoc = new DocModel($"The client for {_spec.Title}{(_spec.Version.Length > 0 ? " " + _spec.Version : string.Empty)}, generated from {System.IO.Path.GetFileName(_spec.SpecPath)}.", null, null, null, false);
        yield return (HintName(_spec.ClientName), header + Templates.Render(Templates.Client, ClientView(_spec.ClientName, rootDoc, isRoot: true, _spec.RootOperations, _spec.Groups)));
        var extensions = _spec.ClientName + "ServiceCollectionExtensions";
        yield return (HintName(extensions), header + Templates.Render(Templates.ServiceCollection, new
        {
            _spec.Namespace,
            _spec.ClientName,
            ClassName = extensions,
            Version = _version,
            SectionLiteral = Literals.String(SectionName(_spec.ClientName)),
        }));
    }

    private string HintName(string typeName) => _spec.Namespace + "." + typeName + ".g.cs";

    private string FullName(string typeName) => "global::" + _spec.Namespace + "." + typeName;

    private object ObjectView(ObjectModel model)
    {
        var properties = new List<PropertyView>();
        var flags = new List<string>();
        var encryption = CardEncryptionView.Create(model);
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var view = new PropertyView
            {
                Name = property.Name,
                Utf8Name = Literals.Utf8(property.JsonName),
                JsonNameLiteral = Literals.String(property.JsonName),
                Doc = XmlDoc.Render(property.Doc, "        ", $"The <c>{XmlDoc.Escape(property.JsonName)}</c> member."),
                Attributes = Obsolete(property.Doc, "        ") + SpecAnnotations.Property(model, property, "        "),
            };

            var nullableType = PropertyIsNullable(property);
            view.Declaration = (property.IsRequiredMember ? "required " : string.Empty) + _types.TypeName(property.Type, nullableType) + " " + property.Name;
            if (nullableType)
            {
                view.ReadExpression = _types.ReadNullable(property.Type, "reader");
            }
            else
            {
                // A required, non-nullable member that arrives as null is an error, named as such.
                view.ReadExpression = property.Type.Kind == TypeKind.Element
                    ? _types.Read(property.Type, "reader")
                    : $"reader.TokenType == {CSharpTypes.TokenNull} ? throw global::Flutterwave.Runtime.Json.JsonCodec.NullNotAllowed(\"{model.Name}\", {view.JsonNameLiteral}) : {_types.Read(property.Type, "reader")}";
            }

            if (property.MustBePresent)
            {
                view.PresenceFlag = "seen" + i.ToString(CultureInfo.InvariantCulture);
                flags.Add(view.PresenceFlag);
            }

            // nonce and encrypted_* are written from the locals the encryption prologue fills, never from this object.
            view.WriteBlock = encryption?.LocalFor(property.Name) is { } local
                ? WriteBlock(property, i, nullableType: true, local)
                : WriteBlock(property, i, nullableType);
            properties.Add(view);
        }

        return new
        {
            _spec.Namespace,
            model.Name,
            FullName = FullName(model.Name),
            Version = _version,
            Doc = XmlDoc.Render(model.Doc, "    ", $"The <c>{XmlDoc.Escape(model.Name)}</c> schema."),
            Attributes = Obsolete(model.Doc, "    "),
            Properties = properties,
            HasProperties = properties.Count > 0,
            PresenceFlags = flags,
            PlainProperties = encryption?.PlainProperties() ?? new List<object>(),
            EncryptionPrologue = encryption?.Prologue(model.Name) ?? string.Empty,
            model.AdditionalPropertiesName,
            AdditionalType = _types.TypeName(model.AdditionalPropertiesType, nullable: model.AdditionalPropertiesType.Kind != TypeKind.Element),
            ReadAdditional = _types.ReadNullable(model.AdditionalPropertiesType, "reader"),
            WriteAdditional = WriteMaybeNull(model.AdditionalPropertiesType, "entry.Value"),
        };
    }

    private static bool PropertyIsNullable(PropertyModel property) =>
        !property.IsRequiredMember || (property.IsNullable && property.Type.Kind != TypeKind.Element);

    private string WriteBlock(PropertyModel property, int index, bool nullableType, string? value = null)
    {
        const string indent = "            ";
        var name = value ?? "this." + property.Name;
        var builder = new StringBuilder();
        var writeName = $"writer.WritePropertyName({Literals.Utf8(property.JsonName)});";
        if (!nullableType)
        {
            builder.Append(indent).Append(writeName).Append('\n');
            builder.Append(indent).Append(_types.Write(property.Type, "writer", name));
            return builder.ToString();
        }

        var local = "v" + index.ToString(CultureInfo.InvariantCulture);
        var writeNullWhenNull = property.IsRequiredMember;
        builder.Append(indent).Append("if (").Append(name).Append(" is { } ").Append(local).Append(")\n");
        builder.Append(indent).Append("{\n");
        builder.Append(indent).Append("    ").Append(writeName).Append('\n');
        builder.Append(indent).Append("    ").Append(_types.Write(property.Type, "writer", local)).Append('\n');
        builder.Append(indent).Append('}');
        if (writeNullWhenNull)
        {
            // Required but nullable: the member must be there, as null.
            builder.Append('\n').Append(indent).Append("else\n");
            builder.Append(indent).Append("{\n");
            builder.Append(indent).Append("    ").Append(writeName).Append('\n');
            builder.Append(indent).Append("    writer.WriteNullValue();\n");
            builder.Append(indent).Append('}');
        }

        return builder.ToString();
    }

    private string WriteMaybeNull(TypeRef type, string value)
    {
        if (type.Kind == TypeKind.Element)
        {
            return _types.Write(type, "writer", value);
        }

        return $"if ({value} is {{ }} item) {{ {_types.Write(type, "writer", "item")} }} else {{ writer.WriteNullValue(); }}";
    }

    private object EnumView(EnumModel model) => new
    {
        _spec.Namespace,
        model.Name,
        FullName = FullName(model.Name),
        Version = _version,
        Doc = XmlDoc.Render(model.Doc, "    ", $"The <c>{XmlDoc.Escape(model.Name)}</c> values."),
        Attributes = Obsolete(model.Doc, "    ") + SpecAnnotations.Enum(model, "    "),
        Members = model.Members.Select(m => new { m.Name, ValueLiteral = Literals.String(m.Value), ValueXml = XmlDoc.Escape(m.Value) }).ToList(),
    };

    private object UnionView(UnionModel model)
    {
        var variants = new List<object>();
        for (var i = 0; i < model.Variants.Count; i++)
        {
            var variant = model.Variants[i];
            var typeName = _types.TypeName(variant.Type);
            var isInterface = variant.Type.Kind is TypeKind.List or TypeKind.Map;
            var valueType = variant.Type.IsValueType;
            var local = "v" + i.ToString(CultureInfo.InvariantCulture);
            variants.Add(new
            {
                variant.MemberName,
                TypeName = typeName,
                NullableTypeName = _types.TypeName(variant.Type, nullable: true),
                CrefType = Cref(variant.Type),
                PatternType = typeName,
                BoxExpression = valueType ? "(object)value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))",
                AccessExpression = valueType ? $"Value is {typeName} {local} ? {local} : default({typeName}?)" : $"Value as {typeName}",
                HasConversion = !isInterface && variant.Type.Kind != TypeKind.Element,
                BoxRead = (valueType ? "(object)" : string.Empty) + $"global::Flutterwave.Runtime.Json.JsonUnion.Read<{typeName}>(element, {_types.ReaderDelegate(variant.Type, nullable: false, depth: 0)})",
                WriteStatement = _types.Write(variant.Type, "writer", local),
                Descriptor = "new global::Flutterwave.Runtime.Json.JsonUnionVariant("
                    + UnionKinds(variant.JsonKinds) + ", "
                    + Literals.StringArray(variant.DiscriminatorValues) + ", "
                    + Literals.StringArray(variant.RequiredProperties) + ", "
                    + Literals.StringArray(variant.KnownProperties) + ", "
                    + Literals.StringArray(variant.ConstantProperties) + ")",
            });
        }

        return new
        {
            _spec.Namespace,
            model.Name,
            FullName = FullName(model.Name),
            Version = _version,
            Doc = XmlDoc.Render(model.Doc, "    ", $"One of several shapes (<c>{XmlDoc.Escape(model.Name)}</c>)."),
            Attributes = Obsolete(model.Doc, "    "),
            Keyword = "oneOf/anyOf",
            Discriminator = model.DiscriminatorProperty is not null,
            DiscriminatorXml = model.DiscriminatorProperty is null ? string.Empty : XmlDoc.Escape(model.DiscriminatorProperty),
            DiscriminatorLiteral = model.DiscriminatorProperty is null ? "null" : Literals.String(model.DiscriminatorProperty),
            Variants = variants,
        };
    }

    private static string UnionKinds(int kinds)
    {
        const string prefix = "global::Flutterwave.Runtime.Json.JsonUnionKinds.";
        if (kinds == JsonKinds.Any)
        {
            return prefix + "Any";
        }

        var names = new List<string>();
        foreach (var (flag, name) in new[] { (JsonKinds.Object, "Object"), (JsonKinds.Array, "Array"), (JsonKinds.String, "String"), (JsonKinds.Number, "Number"), (JsonKinds.Boolean, "Boolean"), (JsonKinds.Integer, "Integer") })
        {
            if ((kinds & flag) != 0)
            {
                names.Add(prefix + name);
            }
        }

        return names.Count == 0 ? prefix + "None" : string.Join(" | ", names);
    }

    private string Cref(TypeRef type) => type.Kind switch
    {
        TypeKind.List or TypeKind.Map => "global::System.Collections.Generic." + (type.Kind == TypeKind.List ? "IList{T}" : "IDictionary{TKey, TValue}"),
        TypeKind.Bytes => "byte",
        _ => _types.TypeName(type),
    };

    private object ClientView(string name, DocModel doc, bool isRoot, EquatableArray<OperationModel> operations, IEnumerable<ClientGroupModel> groups) => new
    {
        _spec.Namespace,
        Name = name,
        Version = _version,
        IsRoot = isRoot,
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
        Operations = operations.Select(OperationView).ToList(),
    };

    /// <summary>The configuration section a client binds by default: its name without a trailing "Client".</summary>
    private static string SectionName(string clientName) =>
        clientName.Length > "Client".Length && clientName.EndsWith("Client", StringComparison.Ordinal)
            ? clientName.Substring(0, clientName.Length - "Client".Length)
            : clientName;

    private string DescriptionExpression(string clientName)
    {
        var schemes = new List<string>();
        foreach (var scheme in _spec.SecuritySchemes)
        {
            var kind = scheme.Kind switch
            {
                SecuritySchemeKind.OAuth2ClientCredentials => "OAuth2ClientCredentials",
                SecuritySchemeKind.ApiKeyHeader => "ApiKeyHeader",
                SecuritySchemeKind.ApiKeyQuery => "ApiKeyQuery",
                SecuritySchemeKind.HttpBearer => "HttpBearer",
                SecuritySchemeKind.HttpBasic => "HttpBasic",
                _ => null,
            };
            if (kind is null || (kind.StartsWith("ApiKey", StringComparison.Ordinal) && string.IsNullOrEmpty(scheme.ParameterName)))
            {
                continue; // a scheme the runtime cannot apply (openIdConnect, mutualTLS, other OAuth2 flows)
            }

            var tokenUrl = "null";
            if (scheme.TokenUrl is { } url && ResolveTokenUrl(url) is { } absolute)
            {
                tokenUrl = $"new global::System.Uri({Literals.String(absolute)})";
            }

            var parameter = scheme.ParameterName is null ? "null" : Literals.String(scheme.ParameterName);
            schemes.Add($"new global::Flutterwave.Runtime.ApiSecurityScheme({Literals.String(scheme.Key)}, global::Flutterwave.Runtime.ApiSecuritySchemeKind.{kind}, {parameter}, {tokenUrl})");
        }

        var list = schemes.Count == 0
            ? "global::System.Array.Empty<global::Flutterwave.Runtime.ApiSecurityScheme>()"
            : "new global::Flutterwave.Runtime.ApiSecurityScheme[] { " + string.Join(", ", schemes) + " }";
        return $"new global::Flutterwave.Runtime.ApiDescription({Literals.String(clientName)}, DefaultBaseAddress, {list})";
    }

    /// <summary>An absolute token URL: as written, or resolved against the first server when the spec gives a relative one.</summary>
    private string? ResolveTokenUrl(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
        {
            return absolute.AbsoluteUri;
        }

        if (_spec.DefaultServerUrl is { } server && Uri.TryCreate(server, UriKind.Absolute, out var baseUri)
            && Uri.TryCreate(baseUri, url, out var resolved))
        {
            return resolved.AbsoluteUri;
        }

        return null;
    }

    private object? AutoPagingView(OperationModel operation, List<string> signature, List<(string Kind, string Attributes, string Text)> docs)
    {
        if (operation.Response.Kind != ResultKind.EnvelopePage || !operation.MethodName.EndsWith("Async", StringComparison.Ordinal))
        {
            return null;
        }

        var page = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.ApiName == "page" && !p.Required
            && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        if (page is null)
        {
            return null;
        }

        var ordered = OrderParameters(operation);
        var parameters = new List<string>();
        var arguments = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (parameter, body) = ordered[i];
            var name = body?.ParameterName ?? parameter!.Name;
            if (ReferenceEquals(parameter, page))
            {
                arguments.Add(name + ": page");
                continue;
            }

            parameters.Add(signature[i]);
            arguments.Add(name + ": " + name);
        }

        parameters.Add("global::Flutterwave.Runtime.RequestOptions? options = null");
        parameters.Add("[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default");
        arguments.Add("options: options");
        arguments.Add("cancellationToken: cancellationToken");
        var pageDocName = XmlDoc.EscapeAttribute(page.Name.TrimStart('@'));
        var pagingDocs = docs.Where(d => !(d.Kind == "param" && d.Attributes == $" name=\"{pageDocName}\"") && d.Kind != "returns").ToList();
        pagingDocs.Add(("returns", string.Empty, "Every item of every page, fetched one page at a time as the enumeration needs them."));
        var summary = $"Enumerates all items of <see cref=\"{XmlDoc.EscapeAttribute(operation.MethodName)}\"/>, page after page, starting at page 1 and stopping after the last page <c>meta.page_info</c> reports.";
        return new
        {
            MethodName = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "AutoPagingAsync",
            ItemType = _types.TypeName(operation.Response.Type!),
            PageType = page.Type.Kind == TypeKind.Int32 ? "int" : "long",
            Parameters = string.Join(", ", parameters),
            Arguments = string.Join(", ", arguments),
            Doc = XmlDoc.Render(new DocModel(null, null, null, null, operation.Doc.Deprecated), "        ", summary, pagingDocs),
        };
    }

    private object OperationView(OperationModel operation)
    {
        var ordered = OrderParameters(operation);
        var signature = new List<string>();
        var docs = new List<(string, string, string)>();
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

        signature.Add("global::Flutterwave.Runtime.RequestOptions? options = null");
        signature.Add("global::System.Threading.CancellationToken cancellationToken = default");
        docs.Add(("param", " name=\"options\"", "Per-call options: idempotency key, trace id, sandbox scenario."));
        docs.Add(("param", " name=\"cancellationToken\"", "Cancels the call."));
        var (returnType, returnDoc) = ReturnType(operation.Response);
        if (returnDoc is not null)
        {
            docs.Add(("returns", string.Empty, returnDoc));
        }

        docs.Add(("exception", " cref=\"global::Flutterwave.Runtime.FlutterwaveApiException\"", "The API answered with an error status, or with a body that could not be read."));
        var fallback = $"Calls <c>{XmlDoc.Escape(operation.HttpMethod)} {XmlDoc.Escape(operation.PathTemplate)}</c> (<c>{XmlDoc.Escape(operation.OperationId)}</c>).";
        var doc = operation.Doc.Summary is null ? operation.Doc : operation.Doc with
        {
            Remarks = (operation.Doc.Remarks is null ? string.Empty : operation.Doc.Remarks + "\n\n") + $"{operation.HttpMethod} {operation.PathTemplate} ({operation.OperationId})",
        };

        return new
        {
            operation.MethodName,
            Doc = XmlDoc.Render(doc, "        ", fallback, docs),
            Attributes = Obsolete(operation.Doc, "        ") + SpecAnnotations.Operation(operation, "        "),
            ReturnType = returnType,
            Parameters = string.Join(", ", signature),
            Body = OperationBody(operation),
            AutoPaging = AutoPagingView(operation, signature, docs),
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

    private (string Type, string? Doc) ReturnType(ResponseModel response) => response.Kind switch
    {
        ResultKind.None => ("global::System.Threading.Tasks.Task", null),
        ResultKind.EnvelopePage => ($"global::System.Threading.Tasks.Task<global::Flutterwave.Runtime.Paging.Page<{_types.TypeName(response.Type!)}>>", "The page: the envelope's <c>data</c> items and <c>meta.page_info</c>."),
        ResultKind.EnvelopeData => ($"global::System.Threading.Tasks.Task<{_types.TypeName(response.Type!)}>", Returns(response, "The envelope's <c>data</c>")),
        _ => ($"global::System.Threading.Tasks.Task<{_types.TypeName(response.Type!)}>", Returns(response, "The response body")),
    };

    private static string Returns(ResponseModel response, string what) =>
        response.Description is { } description ? $"{what}: {XmlDoc.Escape(description)}" : what + ".";

    private string OperationBody(OperationModel operation)
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

        if (operation.NoAuthentication)
        {
            lines.Add("request.RequiresAuthentication = false;");
        }

        AddHeaderName(lines, "IdempotencyKeyHeader", operation.IdempotencyKeyHeader, "X-Idempotency-Key");
        AddHeaderName(lines, "TraceIdHeader", operation.TraceIdHeader, "X-Trace-Id");
        AddHeaderName(lines, "ScenarioKeyHeader", operation.ScenarioKeyHeader, "X-Scenario-Key");

        if (operation.Body is { } body)
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

        lines.Add("var response = await _transport.SendAsync(request, options, cancellationToken).ConfigureAwait(false);");
        var type = operation.Response.Type;
        switch (operation.Response.Kind)
        {
            case ResultKind.EnvelopeData:
                lines.Add($"return response.ReadEnvelopeData<{_types.TypeName(type!)}>({_types.ReaderDelegate(type!, nullable: false, depth: 0)});");
                break;
            case ResultKind.EnvelopePage:
                lines.Add($"return response.ReadPage<{_types.TypeName(type!)}>({_types.ReaderDelegate(type!, nullable: false, depth: 0)});");
                break;
            case ResultKind.Json:
                lines.Add($"return response.ReadJson<{_types.TypeName(type!)}>({_types.ReaderDelegate(type!, nullable: false, depth: 0)});");
                break;
            case ResultKind.Text:
                lines.Add("return response.ReadText();");
                break;
            case ResultKind.Binary:
                lines.Add("return response.ReadBytes();");
                break;
            default:
                lines.Add("_ = response;");
                break;
        }

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(indent).Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A parameter value as text; lists are joined with commas (simple style, and form without explode).</summary>
    private string FormatValue(TypeRef type, string value) => type.Kind == TypeKind.List
        ? $"{CSharpTypes.Formatter}.Join<{_types.TypeName(type.Item!)}>({value}, {_types.FormatDelegate(type.Item!)})"
        : _types.Format(type, value);

    private static void AddHeaderName(List<string> lines, string property, string? declared, string fallback)
    {
        if (declared is not null && declared != fallback)
        {
            lines.Add($"request.{property} = {Literals.String(declared)};");
        }
    }

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

    private static string Obsolete(DocModel doc, string indent) =>
        doc.Deprecated ? indent + "[global::System.Obsolete(\"Deprecated in the spec.\")]\n" : string.Empty;

    private sealed class PropertyView
    {
        public string Name { get; set; } = string.Empty;

        public string Utf8Name { get; set; } = string.Empty;

        public string JsonNameLiteral { get; set; } = string.Empty;

        public string Doc { get; set; } = string.Empty;

        public string Attributes { get; set; } = string.Empty;

        public string Declaration { get; set; } = string.Empty;

        public string ReadExpression { get; set; } = string.Empty;

        public string? PresenceFlag { get; set; }

        public string WriteBlock { get; set; } = string.Empty;
    }
}
