using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flutterwave.Codegen.Emitting;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Tests.Infrastructure;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// Emitting renders the model's records and decides nothing: the same hand-built model rendered without and with
/// convention records differs exactly where the records say, and a shape the Conventions stage would recognise
/// (a nonce next to an encrypted member, a POST) gets nothing unless a record asks for it.
/// </summary>
public sealed class EmittingFromRecordsTests
{
    [Fact]
    public void WithoutRecords_NothingConventional_IsEmitted_EvenForAShapeThatLooksLikeOne()
    {
        var sources = Render(Model(withRecords: false));

        var client = sources["Hand.Api.HandClient.g.cs"];
        var card = sources["Hand.Api.Card.g.cs"];
        Assert.DoesNotContain("OptionHeader", client, StringComparison.Ordinal);
        Assert.DoesNotContain("IdempotencyKeyHeader", client, StringComparison.Ordinal);
        Assert.Contains("Create(global::Flutterwave.Runtime.ApiClientOptions options", client, StringComparison.Ordinal);
        Assert.Contains("this operation declares no idempotency, trace or scenario header", client, StringComparison.Ordinal);
        Assert.Contains("return response.ReadJson<global::Hand.Api.Card>", client, StringComparison.Ordinal);
        Assert.DoesNotContain("cardEncryptor", card, StringComparison.Ordinal);
        Assert.DoesNotContain("public string? Cvv", card, StringComparison.Ordinal);
        Assert.DoesNotContain("CardData", card, StringComparison.Ordinal);
        Assert.Equal(new[] { "Hand.Api.Card.g.cs", "Hand.Api.HandClient.g.cs", "Hand.Api.HandClientServiceCollectionExtensions.g.cs" }, sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        AssertCompiles(sources);
    }

    [Fact]
    public void WithRecords_EachRecordBecomesItsCode()
    {
        var sources = Render(Model(withRecords: true));

        var client = sources["Hand.Api.HandClient.g.cs"];
        var card = sources["Hand.Api.Card.g.cs"];
        Assert.Contains("new global::Flutterwave.Runtime.Http.OptionHeader(\"Idempotency-Key\", null, 64, null, required: false, generateWhenMissing: true)", client, StringComparison.Ordinal);
        Assert.Contains("request.IdempotencyKeyHeader = s_optionHeader0;", client, StringComparison.Ordinal);
        Assert.Contains("[global::Flutterwave.Runtime.Annotations.OptionHeader(\"IdempotencyKey\", \"Idempotency-Key\", MaxLength = 64, Generated = true)]", client, StringComparison.Ordinal);
        Assert.Contains("Create(global::Flutterwave.Runtime.FlutterwaveOptions options", client, StringComparison.Ordinal);
        Assert.Contains("return response.ReadEnvelopeData<global::Hand.Api.Card>", client, StringComparison.Ordinal);
        Assert.Contains("public string? Cvv { get; set; }", card, StringComparison.Ordinal);
        Assert.Contains("cardEncryptor.Encrypt(cardNonce, plain0)", card, StringComparison.Ordinal);
        Assert.Contains("[global::Flutterwave.Runtime.Annotations.CardData(Ciphertext = true)]", card, StringComparison.Ordinal);
        AssertCompiles(sources);
    }

    [Fact]
    public void AModelTheConventionsStageHasNotSeen_IsRefused()
    {
        var model = Model(withRecords: false) with { Conventions = null };

        Assert.Throws<ArgumentException>(() => new SourceEmitter(model).Emit(CancellationToken.None).ToList());
    }

    /// <summary>
    /// One object with <c>nonce</c> + <c>encrypted_cvv</c>, one POST that sends and returns it; with
    /// <paramref name="withRecords"/>, the records the Conventions stage would write for the Flutterwave profile.
    /// </summary>
    private static SpecModel Model(bool withRecords)
    {
        var nonce = new PropertyModel("nonce", "Nonce", TypeRef.String, false, false, false, DocModel.None, ConstraintModel.None);
        var cvv = new PropertyModel("encrypted_cvv", "EncryptedCvv", TypeRef.String, false, false, false, DocModel.None, ConstraintModel.None,
            withRecords ? CardDataKind.Ciphertext : CardDataKind.None);
        var card = new ObjectModel("Card", DocModel.None, new[] { nonce, cvv }.ToEquatableArray(), TypeRef.Element, "AdditionalProperties",
            withRecords ? new EncryptionModel("Nonce", "nonce", false, new[] { new EncryptedFieldModel("Cvv", "encrypted_cvv", "EncryptedCvv", false) }.ToEquatableArray()) : null);
        var cardType = new TypeRef(TypeKind.Model, "Card");
        var operation = new OperationModel(
            "CreateCardAsync",
            "createCard",
            "POST",
            "/cards",
            new[] { new PathSegmentModel("/cards", null) }.ToEquatableArray(),
            EquatableArray<ParameterModel>.Empty,
            new BodyModel("body", cardType, BodyKind.Json, "application/json", true, DocModel.None),
            new ResponseModel(ResultKind.Json, cardType, null),
            DocModel.None,
            Conventions: withRecords
                ? new OperationConventionsModel(new OptionHeaderModel("Idempotency-Key", null, 64, null, false, true, true), null, null, new EnvelopeModel(EnvelopeKind.Data, cardType), null)
                : OperationConventionsModel.None);
        return new SpecModel(
            "hand.yaml",
            "Hand.Api",
            "HandClient",
            "Hand",
            "1",
            "https://hand.example.test/",
            new TypeModel[] { card }.ToEquatableArray(),
            EquatableArray<ClientGroupModel>.Empty,
            new[] { operation }.ToEquatableArray(),
            EquatableArray<SecuritySchemeModel>.Empty,
            Conventions: new SpecConventionsModel(
                withRecords ? ConventionProfile.Flutterwave : ConventionProfile.None,
                "hand-built",
                withRecords ? OptionsKind.Flutterwave : OptionsKind.ApiClient,
                null,
                EquatableArray<DeclineCheckModel>.Empty,
                null));
    }

    private static Dictionary<string, string> Render(SpecModel model) =>
        new SourceEmitter(model).Emit(CancellationToken.None).ToDictionary(f => f.HintName, f => f.Source);

    private static void AssertCompiles(Dictionary<string, string> sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources.Values.ToArray());
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
