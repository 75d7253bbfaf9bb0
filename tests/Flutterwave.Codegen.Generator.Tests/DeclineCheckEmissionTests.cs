using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// The <c>ThrowIfDeclined()</c> helpers: emitted for every object with a <c>status</c> that can be <c>failed</c> and a
/// <c>processor_response</c> holding string <c>type</c> and <c>code</c>, found by structure whatever the schemas are
/// called; nothing for other shapes; and the output always compiles cleanly.
/// </summary>
public sealed class DeclineCheckEmissionTests
{
    private const string Head = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n";

    private const string Verdict = """
            Verdict:
              type: object
              properties:
                type: { type: string }
                code: { type: string }
        """;

    private static string Spec(string schemas) => Head + schemas;

    private static GeneratorRun RunClean(string text)
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("t.yaml", text, "T.Api", "TClient", Conventions: "flutterwave") });
        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return run;
    }

    /// <summary>The types that have a <c>ThrowIfDeclined</c>, by the type of its <c>this</c> parameter.</summary>
    private static string[] CheckedTypes(GeneratorRun run, string className = "T.Api.PaymentDeclineChecks") =>
        run.Output.GetTypeByMetadataName(className)?.GetMembers("ThrowIfDeclined").OfType<IMethodSymbol>()
            .Where(m => m.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(m.ReturnType, m.Parameters.Single().Type))
            .Select(m => m.Parameters.Single().Type.ToDisplayString())
            .ToArray()
        ?? System.Array.Empty<string>();

    [Fact]
    public void BundledSpec_ChargeAndOrder_GetThrowIfDeclined()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "Flutterwave.Charge", "Flutterwave.Order" }, CheckedTypes(run, "Flutterwave.PaymentDeclineChecks"));
        var source = run.Source("Flutterwave.PaymentDeclineChecks.g.cs");
        Assert.Contains("target.Status == global::Flutterwave.ChargeStatus.Failed", source, System.StringComparison.Ordinal);
        Assert.Contains("target.Status == global::Flutterwave.OrderStatus.Failed", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnyObjectWithTheShape_GetsACheck_WhateverItIsCalled()
    {
        var schemas = Verdict + "\n" + """
                Payout:
                  type: object
                  required: [id, reference, status, processor_response]
                  properties:
                    id: { type: string }
                    reference: { type: string }
                    status: { type: string, enum: [queued, failed] }
                    processor_response: { $ref: '#/components/schemas/Verdict' }
                Attempt:
                  type: object
                  properties:
                    status: { type: [string, 'null'] }
                    processor_response:
                      type: object
                      properties:
                        type: { type: string }
                        code: { type: string }
            """;

        var run = RunClean(Spec(schemas));

        Assert.Equal(new[] { "T.Api.Payout", "T.Api.Attempt" }, CheckedTypes(run));
        var source = run.Source("T.Api.PaymentDeclineChecks.g.cs");
        Assert.Contains("objectId: target.Id,", source, System.StringComparison.Ordinal);
        Assert.Contains("objectId: null,", source, System.StringComparison.Ordinal);
        Assert.Contains("string.Equals(target.Status, \"failed\", global::System.StringComparison.Ordinal)", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalAndNullableMembers_StillCompileCleanly()
    {
        var schemas = Verdict + "\n" + """
                Loose:
                  type: object
                  properties:
                    id: { type: [string, 'null'] }
                    reference: { type: string }
                    status: { $ref: '#/components/schemas/LooseStatus' }
                    processor_response: { $ref: '#/components/schemas/Verdict' }
                Strict:
                  type: object
                  required: [status, processor_response]
                  properties:
                    status: { $ref: '#/components/schemas/LooseStatus' }
                    processor_response: { $ref: '#/components/schemas/Verdict' }
                LooseStatus: { type: string, enum: [ok, failed] }
            """;

        var run = RunClean(Spec(schemas));

        Assert.Equal(new[] { "T.Api.Loose", "T.Api.Strict" }, CheckedTypes(run));
    }

    [Theory]
    [InlineData("status: { type: string, enum: [pending, succeeded] }", "processor_response: { $ref: '#/components/schemas/Verdict' }")]
    [InlineData("status: { type: integer }", "processor_response: { $ref: '#/components/schemas/Verdict' }")]
    [InlineData("state: { type: string }", "processor_response: { $ref: '#/components/schemas/Verdict' }")]
    [InlineData("status: { type: string }", "processor_response: { type: string }")]
    [InlineData("status: { type: string }", "processor_response: { type: object, properties: { type: { type: string } } }")]
    [InlineData("status: { type: string }", "processor_response: { type: object, properties: { type: { type: string }, code: { type: integer } } }")]
    [InlineData("status: { type: string }", "processor_result: { $ref: '#/components/schemas/Verdict' }")]
    [InlineData("status: { type: string }", "processor_response: { oneOf: [ { $ref: '#/components/schemas/Verdict' }, { type: string } ] }")]
    public void OtherShapes_GetNoCheckClass(string status, string processorResponse)
    {
        var schemas = Verdict + "\n" + $$"""
                Payout:
                  type: object
                  properties:
                    id: { type: string }
                    {{status}}
                    {{processorResponse}}
            """;

        var run = RunClean(Spec(schemas));

        Assert.Null(run.Output.GetTypeByMetadataName("T.Api.PaymentDeclineChecks"));
        Assert.DoesNotContain(run.HintNames, h => h.Contains("PaymentDeclineChecks", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ATypeAlreadyNamedLikeTheChecks_PushesTheChecksToAnotherName()
    {
        var schemas = Verdict + "\n" + """
                PaymentDeclineChecks: { type: object, properties: { a: { type: string } } }
                Payout:
                  type: object
                  properties:
                    status: { type: string }
                    processor_response: { $ref: '#/components/schemas/Verdict' }
            """;

        var run = RunClean(Spec(schemas));

        Assert.Equal(new[] { "T.Api.Payout" }, CheckedTypes(run, "T.Api.PaymentDeclineChecks2"));
    }

    [Fact]
    public void MembersWithKeywordNames_AreReferencedCorrectly()
    {
        // Property and enum-member names the generator has to adjust: the check must use the emitted names.
        var schemas = """
                Payout:
                  type: object
                  properties:
                    Status: { type: string, description: Differs from 'status' only by case. }
                    status: { type: string, enum: [failed, Failed, '1failed'] }
                    processor_response:
                      type: object
                      properties:
                        type: { type: string }
                        Type: { type: string }
                        code: { type: string }
            """;

        var run = RunClean(Spec(schemas));

        Assert.Equal(new[] { "T.Api.Payout" }, CheckedTypes(run));
        var source = run.Source("T.Api.PaymentDeclineChecks.g.cs");
        var payout = run.Output.GetTypeByMetadataName("T.Api.Payout")!;
        var status = payout.GetMembers().OfType<IPropertySymbol>().Single(p => p.Type.ToDisplayString() == "T.Api.PayoutStatus?");
        Assert.Contains($"target.{status.Name} == global::T.Api.PayoutStatus.Failed)", source, System.StringComparison.Ordinal);
        Assert.NotEqual("Status", status.Name);
        Assert.Contains("Failed { get; } = new global::T.Api.PayoutStatus(\"failed\");", run.Source("T.Api.PayoutStatus.g.cs"), System.StringComparison.Ordinal);
    }
}
