using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// Encrypted members (<c>nonce</c> + <c>encrypted_*</c>) and the <c>next_action</c> helpers on specs other than the
/// bundled one: helpers appear only when every piece they use is there, and the output always compiles cleanly.
/// </summary>
public sealed class CardEncryptionEmissionTests
{
    private const string Head = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n";

    private const string Authorization = """
            ChargeAuthorization:
              type: object
              properties:
                type: { type: string, enum: [pin, otp, avs] }
                pin: { $ref: '#/components/schemas/PinAuthorization' }
                otp: { type: object, required: [code], properties: { code: { type: string } } }
                avs: { type: object, required: [address], properties: { address: { type: object, properties: { city: { type: string } } } } }
            PinAuthorization:
              type: object
              required: [nonce, encrypted_pin]
              properties:
                nonce: { type: string }
                encrypted_pin: { type: string }
        """;

    private static string Spec(string updateBody, string schemas, string path = "/charges/{id}", string method = "put") => Head + $$"""
        paths:
          {{path}}:
            {{method}}:
              operationId: updateCharge
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/ChargeUpdateRequest' }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Charge' }
        components:
          schemas:
            ChargeUpdateRequest:
        {{updateBody}}
            Charge:
              type: object
              properties:
                id: { type: string }
                next_action:
                  type: object
                  required: [type]
                  properties:
                    type: { type: string }
                    redirect_url: { type: object, properties: { url: { type: string } } }
        {{schemas}}
        """;

    private const string PlainUpdate = """
              type: object
              required: [authorization]
              properties:
                authorization: { $ref: '#/components/schemas/ChargeAuthorization' }
        """;

    private static GeneratorRun RunClean(string text)
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("t.yaml", text, "T.Api", "TClient", Conventions: "flutterwave") });
        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return run;
    }

    private static string[] HelperMethods(GeneratorRun run, string className = "T.Api.ChargeNextActions") =>
        run.Output.GetTypeByMetadataName(className)?.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsExtensionMethod).Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray()
        ?? System.Array.Empty<string>();

    [Fact]
    public void ACompleteShape_GetsEveryHelper_WithStringDiscriminators()
    {
        var run = RunClean(Spec(PlainUpdate, Authorization));

        Assert.Equal(new[] { "GetNextActionRedirectUrl", "SubmitAvsAddressAsync", "SubmitOtpAsync", "SubmitPinAsync" }, HelperMethods(run));
        var pin = run.Output.GetTypeByMetadataName("T.Api.PinAuthorization")!;
        Assert.Contains(pin.GetMembers("Pin").Single().GetAttributes(), a => a.AttributeClass!.Name == "CardDataAttribute");
        Assert.False(((IPropertySymbol)pin.GetMembers("EncryptedPin").Single()).IsRequired);
        Assert.False(((IPropertySymbol)pin.GetMembers("Nonce").Single()).IsRequired);
    }

    [Fact]
    public void AnotherRequiredMemberOnTheUpdate_MeansNoSubmitHelpers()
    {
        var update = """
                  type: object
                  required: [authorization, reason]
                  properties:
                    authorization: { $ref: '#/components/schemas/ChargeAuthorization' }
                    reason: { type: string }
            """;

        var run = RunClean(Spec(update, Authorization));

        Assert.Equal(new[] { "GetNextActionRedirectUrl" }, HelperMethods(run));
    }

    [Fact]
    public void APinObjectWithoutEncryption_AndAnOddTypeMember_GetOnlyWhatFits()
    {
        var schemas = """
                ChargeAuthorization:
                  type: object
                  properties:
                    type: { type: integer }
                    pin: { type: object, properties: { pin: { type: string } } }
            """;

        var run = RunClean(Spec(PlainUpdate, schemas));

        Assert.Equal(new[] { "GetNextActionRedirectUrl" }, HelperMethods(run));
    }

    [Fact]
    public void ADifferentPathOrMethod_GetsNoHelpers()
    {
        Assert.Null(RunClean(Spec(PlainUpdate, Authorization, path: "/payments/{id}")).Output.GetTypeByMetadataName("T.Api.ChargeNextActions"));
        Assert.Null(RunClean(Spec(PlainUpdate, Authorization, method: "post")).Output.GetTypeByMetadataName("T.Api.ChargeNextActions"));
    }

    [Fact]
    public void ATypeAlreadyNamedLikeTheHelpers_PushesTheHelpersToAnotherName()
    {
        var schemas = Authorization + "\n" + """
                ChargeNextActions: { type: object, properties: { a: { type: string } } }
            """;

        var run = RunClean(Spec(PlainUpdate, schemas));

        Assert.Contains("GetNextActionRedirectUrl", HelperMethods(run, "T.Api.ChargeNextActions2"));
    }

    [Fact]
    public void PlaintextNames_AvoidClashesWithSpecMembers()
    {
        var text = Head + """
            paths: {}
            components:
              schemas:
                Secretive:
                  type: object
                  properties:
                    nonce: { type: string }
                    pin: { type: string }
                    encrypted_pin: { type: string }
                    encrypted_secretive: { type: string }
            """;

        var run = RunClean(text);

        var type = run.Output.GetTypeByMetadataName("T.Api.Secretive")!;
        Assert.NotEmpty(type.GetMembers("Pin2"));
        Assert.NotEmpty(type.GetMembers("Secretive2"));
    }
}
