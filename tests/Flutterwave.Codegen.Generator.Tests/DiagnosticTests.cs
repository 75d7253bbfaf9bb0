using System;
using System.Linq;
using Flutterwave.Codegen.Reading;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// Every generator diagnostic, with where it points. Bad input never crashes the build: what the generator can work
/// around is a warning and the rest of the spec is still generated; only an unusable document is an error.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Head = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n";

    [Fact]
    public void FLW1001_MissingSpecText_IsAnErrorAtTheFile()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("specs/missing.yaml", null!) });

        var diagnostic = Single(run, "FLW1001", DiagnosticSeverity.Error);
        AssertAt(diagnostic, "specs/missing.yaml", line: 1);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void FLW1002_YamlSyntaxError_PointsAtTheBrokenLine()
    {
        var text = Head + "paths:\n  /a:\n    get: [unclosed\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("bad.yaml", text) });

        var diagnostic = Single(run, "FLW1002", DiagnosticSeverity.Error);
        Assert.Equal("bad.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, 7, 8);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void FLW1002_JsonSyntaxError_PointsAtTheBrokenLine()
    {
        var text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"paths\": { \"/a\": }\n}\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("bad.json", text) });

        AssertAt(Single(run, "FLW1002", DiagnosticSeverity.Error), "bad.json", line: 4);
    }

    [Theory]
    [InlineData("title: not a spec\n", 1, "no 'openapi' field")]
    [InlineData("# comment\nswagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n", 2, "'2.0'")]
    [InlineData("", 1, "empty")]
    public void FLW1003_NotOpenApi3_IsAnError(string text, int line, string reason)
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("other.yaml", text) });

        var diagnostic = Single(run, "FLW1003", DiagnosticSeverity.Error);
        AssertAt(diagnostic, "other.yaml", line);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FLW1004_ReaderError_IsAWarning_AtThePointer_AndTheRestIsGenerated()
    {
        // OpenAPI 3.0 schemas have a closed set of keywords (3.1 follows JSON Schema and allows unknown ones).
        var text = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    Good:\n      type: object\n      properties:\n        id: {type: string}\n    Bad:\n      type: object\n      bogus: 1\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("reader.yaml", text, "Reader.Api", "ReaderClient") });

        var diagnostic = Single(run, "FLW1004", DiagnosticSeverity.Warning);
        AssertAt(diagnostic, "reader.yaml", line: 12);
        Assert.Contains("bogus", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Reader.Api.Good.g.cs", run.HintNames);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FLW1005_UnresolvedRef_BecomesJsonElement_AtTheProperty()
    {
        var text = Head + "paths: {}\ncomponents:\n  schemas:\n    Order:\n      type: object\n      properties:\n        id: {type: string}\n        customer:\n          $ref: '#/components/schemas/Nope'\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("refs.yaml", text, "Refs.Api", "RefsClient") });

        var diagnostic = Single(run, "FLW1005", DiagnosticSeverity.Warning);
        AssertAt(diagnostic, "refs.yaml", line: 12);
        Assert.Contains("#/components/schemas/Nope", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("JsonElement? Customer", run.Source("Refs.Api.Order.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FLW1006_SchemaThatCannotBeTyped_BecomesJsonElement_AtTheSchema()
    {
        var text = Head + "paths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        either:\n          type: [string, integer]\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("types.yaml", text, "Types.Api", "TypesClient") });

        var diagnostic = Single(run, "FLW1006", DiagnosticSeverity.Warning);
        AssertAt(diagnostic, "types.yaml", line: 11);
        Assert.Contains("JsonElement? Either", run.Source("Types.Api.Thing.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FLW1007_CookieParameter_IsSkippedWithAWarning_AtTheParameter()
    {
        var text = Head + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: session\n          in: cookie\n          schema: {type: string}\n        - name: q\n          in: query\n          schema: {type: string}\n      responses:\n        '204': {description: none}\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("params.yaml", text, "Params.Api", "ParamsClient") });

        var diagnostic = Single(run, "FLW1007", DiagnosticSeverity.Warning);
        AssertAt(diagnostic, "params.yaml", line: 10);
        Assert.Contains("GetAAsync(string? q = null", run.Source("Params.Api.ParamsClient.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FLW1008_MultipartBody_IsSentAsBytes_WithAWarning_AtTheMediaType()
    {
        var text = Head + "paths:\n  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        required: true\n        content:\n          multipart/form-data:\n            schema: {type: object}\n      responses:\n        '204': {description: none}\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("media.yaml", text, "Media.Api", "MediaClient") });

        var diagnostic = Single(run, "FLW1008", DiagnosticSeverity.Warning);
        AssertAt(diagnostic, "media.yaml", line: 12);
        Assert.Contains("UploadAsync(byte[] body", run.Source("Media.Api.MediaClient.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FLW1009_TwoSpecsInOneNamespace_IsAnError_AndTheFirstIsStillGenerated()
    {
        var text = Head + "paths: {}\ncomponents:\n  schemas:\n    Thing: {type: object, properties: {id: {type: string}}}\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("one.yaml", text, "Same.Api", "OneClient"), new SpecFile("two.yaml", text, "Same.Api", "TwoClient") });

        var diagnostic = Single(run, "FLW1009", DiagnosticSeverity.Error);
        AssertAt(diagnostic, "two.yaml", line: 1);
        Assert.Contains("Same.Api.OneClient.g.cs", run.HintNames);
        Assert.DoesNotContain("Same.Api.TwoClient.g.cs", run.HintNames);
    }

    [Fact]
    public void FLW1010_InvalidNamespaceOption_FallsBackWithAWarning()
    {
        var text = Head + "paths: {}\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("acme.yaml", text, "1Bad..Namespace", "class") });

        var diagnostics = run.GeneratorDiagnostics.Where(d => d.Id == "FLW1010").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => AssertAt(d, "acme.yaml", line: 1));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("'1Bad..Namespace' is not a valid C# namespace; using 'Acme'", StringComparison.Ordinal));
        Assert.Contains("Acme.AcmeClient.g.cs", run.HintNames);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FLW1011_InternalFailure_IsReported_NeverThrown()
    {
        SpecParser.FailForPath = path => path == "boom.yaml";
        try
        {
            var run = GeneratorHarness.Run(new[] { new SpecFile("boom.yaml", Head + "paths: {}\n"), GeneratorHarness.BundledSpec() });

            var diagnostic = Single(run, "FLW1011", DiagnosticSeverity.Error);
            AssertAt(diagnostic, "boom.yaml", line: 1);
            Assert.Contains("Failure injected by a test", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
            Assert.Contains("Flutterwave.FlutterwaveClient.g.cs", run.HintNames);
        }
        finally
        {
            SpecParser.FailForPath = null;
        }
    }

    [Fact]
    public void FLW1011_AFailureInTheConventionsStage_IsReported_NeverThrown()
    {
        Flutterwave.Codegen.Conventions.ConventionStage.FailForPath = path => path == "boom.yaml";
        try
        {
            var run = GeneratorHarness.Run(new[] { new SpecFile("boom.yaml", Head + "paths: {}\n"), GeneratorHarness.BundledSpec() });

            var diagnostic = Single(run, "FLW1011", DiagnosticSeverity.Error);
            AssertAt(diagnostic, "boom.yaml", line: 1);
            Assert.Contains("Failure injected by a test", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
            Assert.Contains("Flutterwave.FlutterwaveClient.g.cs", run.HintNames);
            Assert.DoesNotContain(run.HintNames, h => h.StartsWith("Boom.", StringComparison.Ordinal));
        }
        finally
        {
            Flutterwave.Codegen.Conventions.ConventionStage.FailForPath = null;
        }
    }

    [Fact]
    public void EveryDescriptor_HasAHelpLinkToItsRulePage_AndIdsAreInSequence()
    {
        var descriptors = Diagnostics.DiagnosticDescriptors.ById.Values.OrderBy(d => d.Id).ToList();

        Assert.Equal(Enumerable.Range(1001, descriptors.Count).Select(i => "FLW" + i), descriptors.Select(d => d.Id));
        Assert.All(descriptors, d => Assert.EndsWith($"docs/rules/{d.Id}.md", d.HelpLinkUri, StringComparison.Ordinal));
        Assert.All(descriptors, d => Assert.True(System.IO.File.Exists(System.IO.Path.Combine(GeneratorHarness.RepositoryRoot(), "docs", "rules", d.Id + ".md")), $"docs/rules/{d.Id}.md is missing"));
    }

    private static Diagnostic Single(GeneratorRun run, string id, DiagnosticSeverity severity)
    {
        var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got: {string.Join("; ", run.GeneratorDiagnostics)}");
        Assert.Equal(severity, matches[0].Severity);
        return matches[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.True(line == span.StartLinePosition.Line + 1, $"{diagnostic.Id} is on line {span.StartLinePosition.Line + 1}, expected {line}: {diagnostic}");
    }
}
