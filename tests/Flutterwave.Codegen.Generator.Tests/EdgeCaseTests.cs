using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>Spec shapes that are legal but unusual: the generated code must still compile.</summary>
public sealed class EdgeCaseTests
{
    private const string Head = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n";

    [Fact]
    public void ParametersOfEveryShape_InEveryLocation_Compile()
    {
        var text = Head + """
            paths:
              /items/{ids}/{day}/{kind}/{flag}:
                get:
                  operationId: getItems
                  parameters:
                    - { name: ids, in: path, required: true, schema: { type: array, items: { type: integer } } }
                    - { name: day, in: path, required: true, schema: { type: string, format: date } }
                    - { name: kind, in: path, required: true, schema: { type: string, enum: [a, b] } }
                    - { name: flag, in: path, required: true, schema: { type: boolean } }
                    - { name: at, in: query, schema: { type: string, format: date-time } }
                    - { name: ratio, in: query, required: true, schema: { type: number, format: double } }
                    - { name: X-Kinds, in: header, schema: { type: array, items: { type: string, enum: [x, y] } } }
                    - { name: X-When, in: header, required: true, schema: { type: string, format: uuid } }
                    - { name: body, in: query, schema: { type: string } }
                    - { name: options, in: query, schema: { type: string } }
                  requestBody:
                    content:
                      application/json:
                        schema: {}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/octet-stream:
                          schema: { type: string, format: binary }
            """;

        var run = GeneratorHarness.Run(new[] { new SpecFile("params.yaml", text, "Params.Api", "ParamsClient") });

        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var method = run.Output.GetTypeByMetadataName("Params.Api.ParamsClient")!.GetMembers("GetItemsAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(
            new[] { "ids", "day", "kind", "flag", "ratio", "xWhen", "at", "xKinds", "body", "options2", "body2", "options", "cancellationToken" },
            method.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void NamespacesDifferingOnlyByCase_AreReportedAsDuplicates_NotAsAFailure()
    {
        var text = Head + "paths: {}\ncomponents:\n  schemas:\n    Thing: {type: object}\n";

        var run = GeneratorHarness.Run(new[] { new SpecFile("one.yaml", text, "Acme.Api", "OneClient"), new SpecFile("two.yaml", text, "acme.api", "TwoClient") });

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FLW1009");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "FLW1011");
    }
}
