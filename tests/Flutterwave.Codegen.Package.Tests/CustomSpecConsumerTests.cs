using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>
/// A user with their own specs: an OpenApiClientSpec item (YAML 3.1, an exact client) and a FlutterwaveSpec item (JSON
/// 3.0, opted in to Flutterwave's conventions with Conventions metadata) replace the bundled spec and
/// generate two clients side by side, in the namespaces and class names the items ask for.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CustomSpecConsumerTests(PackedPackage package)
{
    private const string AcmeYaml = """
        openapi: 3.1.0
        info:
          title: Acme Payments
          version: 1.0.0
        servers:
          - url: https://api.acme.test
        paths:
          /payments:
            post:
              operationId: createPayment
              tags: [Payments]
              parameters:
                - name: channel
                  in: query
                  schema:
                    type: string
                - name: Idempotency-Key
                  in: header
                  schema:
                    type: string
                    maxLength: 64
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PaymentRequest'
              responses:
                '201':
                  description: The payment.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Payment'
        components:
          schemas:
            PaymentRequest:
              type: object
              required: [amount, currency]
              properties:
                amount:
                  type: integer
                  format: int64
                currency:
                  type: string
            Payment:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                amount:
                  type: integer
                  format: int64
                status:
                  type: [string, 'null']
        """;

    private const string BetaJson = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Beta API", "version": "0.1.0" },
          "paths": {
            "/widgets/{id}": {
              "get": {
                "operationId": "getWidget",
                "tags": ["Widgets"],
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {
                  "200": {
                    "description": "The widget.",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Widget" } } }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Widget": {
                "type": "object",
                "required": ["id", "name"],
                "properties": { "id": { "type": "string" }, "name": { "type": "string" } }
              }
            }
          }
        }
        """;

    private const string Items = """
        <OpenApiClientSpec Include="specs/acme.yaml" Namespace="Acme.Payments" ClientName="AcmeClient" />
        <FlutterwaveSpec Include="specs/beta.json" Namespace="Beta.Api" ClientName="BetaClient" Conventions="flutterwave" />
        """;

    private const string Program = """
        var acme = new Acme.Payments.AcmeClient(new HttpClient(), new Uri(args[0]));
        var payment = await acme.Payments.CreatePaymentAsync(new Acme.Payments.PaymentRequest { Amount = 1250, Currency = "NGN" }, channel: "card", options: new Flutterwave.Runtime.RequestOptions { IdempotencyKey = "acmepayment0001" });
        Console.WriteLine($"payment id={payment.Id} amount={payment.Amount} status={payment.Status}");

        var beta = new Beta.Api.BetaClient(new HttpClient(), new Uri(args[0]));
        var widget = await beta.Widgets.GetWidgetAsync("w-42");
        Console.WriteLine($"widget id={widget.Id} name={widget.Name}");
        """;

    [Fact]
    public async Task CustomSpecs_ReplaceTheBundledSpec_AndGenerateSideBySideClients()
    {
        var workspace = package.CreateWorkspace("custom-specs");
        workspace.WriteFile("CustomConsumer/specs/acme.yaml", AcmeYaml);
        workspace.WriteFile("CustomConsumer/specs/beta.json", BetaJson);
        var project = workspace.WriteProject("CustomConsumer", Program, items: Items);

        var build = await workspace.BuildAsync(project);
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());

        // Namespace and ClientName reached the generator as item metadata; the bundled spec did not reach it at all.
        var generated = workspace.GeneratedFiles(project);
        Assert.Contains("Acme.Payments.AcmeClient.g.cs", generated);
        Assert.Contains("Beta.Api.BetaClient.g.cs", generated);
        Assert.True(!generated.Any(f => f.StartsWith("Flutterwave.", System.StringComparison.Ordinal)), $"The bundled spec was generated too: {string.Join(", ", generated)}");

        using var api = LoopbackApi.Start(
            ("POST", "/payments", 201, """{"id":"pay_77","amount":1250,"status":"pending"}"""),
            ("GET", "/widgets/w-42", 200, """{"id":"w-42","name":"Sprocket"}"""));
        var run = await workspace.RunAsync(project, api.BaseAddress.AbsoluteUri);
        Assert.True(run.Succeeded, run.ToString());

        var requests = api.Requests;
        Assert.True(requests.Count == 2, $"Expected 2 requests, got {requests.Count}\n{run}");
        var create = requests[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/payments", create.Path);
        Assert.Equal(new Dictionary<string, string> { ["channel"] = "card" }, QueryString.Parse(create.Query));

        // An exact client of Acme's spec: the idempotency key under the header Acme declares, and no Flutterwave header.
        Assert.Equal("acmepayment0001", create.Headers["Idempotency-Key"]);
        Assert.False(create.Headers.ContainsKey("X-Idempotency-Key"), "X-Idempotency-Key was sent");
        Assert.False(create.Headers.ContainsKey("X-Trace-Id"), "X-Trace-Id was sent");

        // Beta opts in with Conventions="flutterwave" (item metadata): its GET carries a generated X-Trace-Id.
        Assert.Matches("^[0-9a-f]{32}$", requests[1].Headers["X-Trace-Id"]);
        using (var body = JsonDocument.Parse(create.Body))
        {
            Assert.Equal(1250, body.RootElement.GetProperty("amount").GetInt64());
            Assert.Equal("NGN", body.RootElement.GetProperty("currency").GetString());
        }

        Assert.Equal(("GET", "/widgets/w-42"), (requests[1].Method, requests[1].Path));
        Assert.Contains("payment id=pay_77 amount=1250 status=pending", run.StandardOutput);
        Assert.Contains("widget id=w-42 name=Sprocket", run.StandardOutput);
    }
}
