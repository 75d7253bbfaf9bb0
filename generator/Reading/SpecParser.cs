using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Flutterwave.Codegen.Conventions;
using Flutterwave.Codegen.Diagnostics;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Flutterwave.Codegen.Reading;

/// <summary>Spec text in, <see cref="SpecModel"/> and diagnostics out. Never throws (but for cancellation).</summary>
internal static class SpecParser
{
    /// <summary>The document-level extension that opts a spec in to (or out of) a convention profile.</summary>
    public const string ConventionsExtension = "x-codegen-conventions";

    /// <summary>
    /// Test seam: a test sets this to make the parser fail for one spec path, to prove that a failure becomes
    /// FLW1011 and never escapes. Always null in production.
    /// </summary>
    internal static Func<string, bool>? FailForPath;

    public static SpecResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var sink = new DiagnosticSink();
        try
        {
            var model = ParseCore(input, sink, cancellationToken);
            return new SpecResult(model, Concat(input.OptionDiagnostics, sink.Resolve(input.Path, input.Text)));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Nothing may escape into the compiler (no CS8785): report where and what, and generate nothing for this spec.
            return new SpecResult(null, Concat(input.OptionDiagnostics, new[] { GeneratorFailure.For(input.Path, ex) }.ToEquatableArray()));
        }
    }

    private static SpecModel? ParseCore(SpecInput input, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (FailForPath?.Invoke(input.Path) == true)
        {
            throw new InvalidOperationException("Failure injected by a test.");
        }

        if (input.Text is null)
        {
            sink.Report(DiagnosticDescriptors.SpecUnreadable, "#", input.Path, "the file does not exist or cannot be opened");
            return null;
        }

        var root = SpecDocumentReader.Read(input.Path, input.Text, out var syntaxError, out var syntaxSpan);
        if (syntaxError is not null)
        {
            sink.ReportAt(DiagnosticDescriptors.SpecSyntax, syntaxSpan!, input.Path, syntaxError);
            return null;
        }

        if (root is not JsonObject rootObject)
        {
            sink.Report(DiagnosticDescriptors.NotOpenApi, "#", input.Path, root is null ? "the file is empty" : "its top level is not a mapping");
            return null;
        }

        var version = (rootObject["openapi"] ?? rootObject["swagger"]) as JsonValue;
        if (version is null)
        {
            sink.Report(DiagnosticDescriptors.NotOpenApi, "#", input.Path, "it has no 'openapi' field");
            return null;
        }

        var versionText = version.ToString();
        if (!(versionText.StartsWith("3.0", StringComparison.Ordinal) || versionText.StartsWith("3.1", StringComparison.Ordinal)))
        {
            sink.Report(DiagnosticDescriptors.NotOpenApi, rootObject.ContainsKey("openapi") ? "#/openapi" : "#/swagger", input.Path, $"its version is '{versionText}'");
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var settings = new OpenApiReaderSettings();
        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(root, new Uri("file:///" + Uri.EscapeDataString(System.IO.Path.GetFileName(input.Path))), settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Microsoft.OpenApi itself can throw on a damaged document (seen: a NullReferenceException in
            // OpenApiWorkspace.RegisterSchemaIdentifiers). Nothing can be built from it: say so, at the file.
            sink.Report(DiagnosticDescriptors.NotOpenApi, "#", input.Path, "the OpenAPI reader failed on it (" + GeneratorFailure.Message(ex) + ")");
            return null;
        }
        foreach (var problem in (result.Diagnostic?.Errors ?? Array.Empty<OpenApiError>()).Concat(result.Diagnostic?.Warnings ?? Array.Empty<OpenApiError>()))
        {
            // Unresolved references are reported where they are used (FLW1005), saying what they become.
            if (problem.Message?.IndexOf("does not point to an existing", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                continue;
            }

            sink.Report(DiagnosticDescriptors.ReaderProblem, PointerOf(problem), problem.Message ?? string.Empty);
        }

        var document = result.Document;
        if (document is null)
        {
            sink.Report(DiagnosticDescriptors.NotOpenApi, "#", input.Path, "the OpenAPI reader could not build a document from it");
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var typeNames = new NameScope(ignoreCase: true, new[] { input.ClientName });
        var types = new SchemaTypeBuilder(document, typeNames, sink);
        types.BuildComponents();
        cancellationToken.ThrowIfCancellationRequested();
        var (groups, rootOperations) = new OperationBuilder(document, types, typeNames, sink, input.ClientName).Build();

        var serverUrls = ServerUrls(document, out var firstServer);
        return new SpecModel(
            input.Path,
            input.Namespace,
            input.ClientName,
            SchemaTypeBuilder.Clean(document.Info?.Title) ?? input.ClientName,
            SchemaTypeBuilder.Clean(document.Info?.Version) ?? string.Empty,
            firstServer,
            types.Types.ToEquatableArray(),
            groups,
            rootOperations,
            SecuritySchemes(document, firstServer),
            serverUrls.ToEquatableArray(),
            new ConventionRequest(input.Conventions, DocumentConventions(rootObject, sink)));
    }

    /// <summary>The document's <c>x-codegen-conventions</c> extension (<c>auto</c>, <c>flutterwave</c> or <c>none</c>); anything else is reported and ignored.</summary>
    private static string? DocumentConventions(JsonObject root, DiagnosticSink sink)
    {
        if (!root.TryGetPropertyValue(ConventionsExtension, out var node) || node is null)
        {
            return null;
        }

        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : node.ToJsonString();
        if (ProfileSelector.IsKnownValue(text))
        {
            return text;
        }

        sink.Report(DiagnosticDescriptors.InvalidOption, "#/" + ConventionsExtension, text, ConventionsExtension + " value (auto, flutterwave or none)", ProfileSelector.Auto);
        return null;
    }

    /// <summary>The error's pointer; some reader errors leave it empty and name it in the message ("... at #/paths").</summary>
    private static string PointerOf(OpenApiError error)
    {
        if (!string.IsNullOrEmpty(error.Pointer))
        {
            return error.Pointer!;
        }

        var message = error.Message ?? string.Empty;
        var at = message.LastIndexOf(" at #", StringComparison.Ordinal);
        return at < 0 ? "#" : message.Substring(at + 4).Trim().TrimEnd('.');
    }

    /// <summary>
    /// Every server URL that is absolute http(s) once its variables take their defaults, in document order; and the
    /// first server's, when it is one (the default base address).
    /// </summary>
    private static List<string> ServerUrls(OpenApiDocument document, out string? first)
    {
        first = null;
        var result = new List<string>();
        var index = 0;
        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            if (server?.Url is not { } url)
            {
                index++;
                continue;
            }

            if (server.Variables is { } variables)
            {
                foreach (var variable in variables)
                {
                    url = url.Replace("{" + variable.Key + "}", variable.Value?.Default ?? string.Empty);
                }
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
            {
                first ??= index == 0 ? absolute.AbsoluteUri : null;
                if (!result.Contains(absolute.AbsoluteUri))
                {
                    result.Add(absolute.AbsoluteUri);
                }
            }

            index++;
        }

        return result;
    }

    /// <summary>The schemes the runtime can apply, in document order (openIdConnect, mutualTLS and other OAuth2 flows are left out).</summary>
    private static EquatableArray<SecuritySchemeModel> SecuritySchemes(OpenApiDocument document, string? firstServer)
    {
        var result = new List<SecuritySchemeModel>();
        if (document.Components?.SecuritySchemes is not { } schemes)
        {
            return EquatableArray<SecuritySchemeModel>.Empty;
        }

        foreach (var entry in schemes)
        {
            var scheme = entry.Value;
            if (scheme is null)
            {
                continue;
            }

            var kind = scheme.Type switch
            {
                SecuritySchemeType.OAuth2 when scheme.Flows?.ClientCredentials is not null => SecuritySchemeKind.OAuth2ClientCredentials,
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Header => SecuritySchemeKind.ApiKeyHeader,
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Query => SecuritySchemeKind.ApiKeyQuery,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBearer,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBasic,
                _ => SecuritySchemeKind.Other,
            };
            if (kind == SecuritySchemeKind.Other || (kind is SecuritySchemeKind.ApiKeyHeader or SecuritySchemeKind.ApiKeyQuery && string.IsNullOrEmpty(scheme.Name)))
            {
                continue;
            }

            result.Add(new SecuritySchemeModel(entry.Key, kind, scheme.Name, ResolveTokenUrl(scheme.Flows?.ClientCredentials?.TokenUrl?.ToString(), firstServer)));
        }

        return result.ToEquatableArray();
    }

    /// <summary>An absolute token URL: as written, or resolved against the first server when the spec gives a relative one.</summary>
    private static string? ResolveTokenUrl(string? url, string? firstServer)
    {
        if (url is null)
        {
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
        {
            return absolute.AbsoluteUri;
        }

        return firstServer is not null && Uri.TryCreate(firstServer, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, url, out var resolved)
            ? resolved.AbsoluteUri
            : null;
    }

    private static EquatableArray<DiagnosticInfo> Concat(EquatableArray<DiagnosticInfo> first, EquatableArray<DiagnosticInfo> second) =>
        first.Count == 0 ? second : second.Count == 0 ? first : first.Concat(second).ToEquatableArray();

}
