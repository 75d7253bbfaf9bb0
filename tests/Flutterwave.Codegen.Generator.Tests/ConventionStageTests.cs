using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Flutterwave.Codegen.Conventions;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Reading;
using Flutterwave.Codegen.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// The stages' split of work: Reading records what the document says and no convention; the Conventions stage
/// decides which conventions apply (by profile) and records them; a spec of Flutterwave's own gets the same
/// decisions as the bundled one.
/// </summary>
public sealed class ConventionStageTests
{
    [Fact]
    public void Reading_RecordsNoConvention_ForAnySpec()
    {
        foreach (var (path, text) in new[] { ("features.yaml", GeneratorHarness.Read("Specs/features.yaml")), ("flutterwave-v4.yaml", GeneratorHarness.Read("Specs/bundled/flutterwave-v4.yaml")) })
        {
            var model = Read(path, text);

            Assert.Null(model.Conventions);
            Assert.All(AllOperations(model), o => Assert.Null(o.Conventions));
            Assert.All(model.Types.OfType<ObjectModel>(), o => Assert.Null(o.Encryption));
            Assert.All(model.Types.OfType<ObjectModel>().SelectMany(o => o.Properties), p => Assert.Equal(CardDataKind.None, p.CardData));
            Assert.DoesNotContain(model.SecuritySchemes, s => s.AddedByConvention);
        }

        // What the conventions will need is there, as plain data: the declared header parameters and their rules.
        var listPets = Operation(Read("features.yaml", GeneratorHarness.Read("Specs/features.yaml")), "listPets");
        var trace = Assert.Single(listPets.Parameters, p => p.ApiName == "X-Trace-Id");
        Assert.Equal((12, 255), (trace.Constraints.MinLength, trace.Constraints.MaxLength));
    }

    [SkippableFact]
    public void Reading_RecordsNoConvention_ForAdyen()
    {
        var text = Corpus("adyen-checkout-v71.yaml");
        var model = Read("adyen-checkout-v71.yaml", text);

        Assert.Null(model.Conventions);
        Assert.All(AllOperations(model), o => Assert.Null(o.Conventions));
        Assert.Contains(AllOperations(model).SelectMany(o => o.Parameters), p => p.ApiName == "Idempotency-Key");
    }

    [Fact]
    public void NeutralSpec_GetsOnlyWhatItDeclares_AndNoFlutterwaveRecord()
    {
        var model = Apply(Read("features.yaml", GeneratorHarness.Read("Specs/features.yaml")));

        Assert.Equal(ConventionProfile.None, model.Conventions!.Profile);
        Assert.Equal(OptionsKind.ApiClient, model.Conventions.Options);
        Assert.Empty(model.Conventions.DeclineChecks);
        Assert.Null(model.Conventions.DeclineChecksClass);
        Assert.Null(model.Conventions.NextActions);
        Assert.All(model.Types.OfType<ObjectModel>(), o => Assert.Null(o.Encryption));

        var create = Operation(model, "createPet");
        Assert.Equal(new OptionHeaderModel("Idempotency-Key", null, 64, null, Required: false, GenerateWhenMissing: true, Declared: true), create.Conventions!.IdempotencyKey);
        Assert.Null(create.Conventions.TraceId);
        Assert.Null(create.Conventions.ScenarioKey);
        Assert.DoesNotContain(create.Parameters, p => p.ApiName == "Idempotency-Key");

        var list = Operation(model, "listPets");
        Assert.Null(list.Conventions!.IdempotencyKey);
        Assert.Equal("X-Trace-Id", list.Conventions.TraceId!.HeaderName);
        Assert.Equal(EnvelopeKind.Page, list.Conventions.Envelope!.Kind);
        Assert.Equal("ListPetsAutoPagingAsync", list.Conventions.Paging!.MethodName);

        // An operation that declares nothing gets nothing: no POST default, no trace id.
        Assert.All(AllOperations(model).Where(o => o.OperationId != "createPet"), o => Assert.Null(o.Conventions!.IdempotencyKey));
    }

    [Fact]
    public void BundledSpec_GetsEveryFlutterwaveConvention()
    {
        var model = Apply(Read("flutterwave-v4.yaml", GeneratorHarness.Read("Specs/bundled/flutterwave-v4.yaml")));

        Assert.Equal(ConventionProfile.Flutterwave, model.Conventions!.Profile);
        Assert.Equal(OptionsKind.Flutterwave, model.Conventions.Options);
        Assert.NotNull(model.Conventions.NextActions);
        Assert.Contains(model.Conventions.DeclineChecks, c => c.TargetType == "Charge");
        Assert.Contains(model.Types.OfType<ObjectModel>(), o => o.Encryption is { Fields.Count: 4 });
        Assert.All(AllOperations(model).Where(o => o.HttpMethod == "POST"), o => Assert.True(o.Conventions!.IdempotencyKey is { GenerateWhenMissing: true, MinLength: 12, MaxLength: 255 }, o.OperationId));
        Assert.All(AllOperations(model), o => Assert.Equal("X-Trace-Id", o.Conventions!.TraceId!.HeaderName));
    }

    [Fact]
    public void TheProfile_FollowsTheItemThenTheDocumentThenTheServers()
    {
        var bundled = GeneratorHarness.Read("Specs/bundled/flutterwave-v4.yaml");
        var features = GeneratorHarness.Read("Specs/features.yaml");
        var optedIn = "x-codegen-conventions: flutterwave\n" + features;

        Assert.Equal(ConventionProfile.Flutterwave, Apply(Read("b.yaml", bundled)).Conventions!.Profile);
        Assert.Equal(ConventionProfile.None, Apply(Read("b.yaml", bundled, conventions: "none")).Conventions!.Profile);
        Assert.Equal(ConventionProfile.Flutterwave, Apply(Read("f.yaml", optedIn)).Conventions!.Profile);
        Assert.Equal(ConventionProfile.None, Apply(Read("f.yaml", optedIn, conventions: "none")).Conventions!.Profile);
        Assert.Equal(ConventionProfile.Flutterwave, Apply(Read("f.yaml", features, conventions: "flutterwave")).Conventions!.Profile);

        // Opted out, the bundled spec is an exact client: no trace id where none is declared... and it declares one everywhere.
        var exact = Apply(Read("b.yaml", bundled, conventions: "none"));
        Assert.All(AllOperations(exact), o => Assert.False(o.Conventions!.TraceId is { Declared: false }));
        Assert.Null(exact.Conventions!.NextActions);
    }

    [Fact]
    public void AnUnknownDocumentValue_IsReported_AndIgnored()
    {
        var text = "x-codegen-conventions: stripe\n" + GeneratorHarness.Read("Specs/features.yaml");

        var result = SpecParser.Parse(new SpecInput("f.yaml", text, "F.Api", "FClient", EquatableArray<DiagnosticInfo>.Empty), CancellationToken.None);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "FLW1010");
        Assert.Equal("stripe", diagnostic.Arguments[0]);
        Assert.Equal(0, diagnostic.Span.StartLine);
        Assert.Equal(ConventionProfile.None, Apply(result.Model!).Conventions!.Profile);
    }

    [SkippableFact]
    public void FlutterwavesOwnChargesSpec_GetsTheSameConventionsAsTheBundledOne()
    {
        var official = Apply(Read("flutterwave-v4-charges.yaml", Corpus("flutterwave-v4-charges.yaml")));
        var bundled = Apply(Read("flutterwave-v4.yaml", GeneratorHarness.Read("Specs/bundled/flutterwave-v4.yaml")));

        Assert.Equal(ConventionProfile.Flutterwave, official.Conventions!.Profile);
        Assert.Contains("developersandbox-api.flutterwave.com", official.Conventions.Reason, System.StringComparison.Ordinal);
        var charge = Operation(official, "charges_post").Conventions!;
        var bundledCharge = Operation(bundled, "createCharge").Conventions!;
        Assert.Equal(bundledCharge.IdempotencyKey! with { Declared = true }, charge.IdempotencyKey! with { Declared = true });
        Assert.Equal(bundledCharge.TraceId! with { Declared = true }, charge.TraceId! with { Declared = true });
        Assert.Equal("X-Scenario-Key", charge.ScenarioKey!.HeaderName);
        Assert.Equal(EnvelopeKind.Data, charge.Envelope!.Kind);
        Assert.Contains(official.Types.OfType<ObjectModel>(), o => o.Encryption?.Fields.Any(f => f.EncryptedJsonName == "encrypted_pin") == true);
        Assert.NotEmpty(official.Conventions.DeclineChecks);

        // Its bearer-only security gets Flutterwave's OAuth2 token endpoint in front.
        var first = official.SecuritySchemes[0];
        Assert.Equal((SecuritySchemeKind.OAuth2ClientCredentials, true, FlutterwaveFacts.TokenUrl), (first.Kind, first.AddedByConvention, first.TokenUrl));
    }

    [Fact]
    public void TheStageIsAFunctionOfTheModel_SameInputSameOutput()
    {
        var read = Read("flutterwave-v4.yaml", GeneratorHarness.Read("Specs/bundled/flutterwave-v4.yaml"));

        Assert.Equal(Apply(read), Apply(read));
        Assert.NotEqual(read, Apply(read));
    }

    internal static SpecModel Read(string path, string text, string? conventions = null)
    {
        var result = SpecParser.Parse(new SpecInput(path, text, "T.Api", "TClient", EquatableArray<DiagnosticInfo>.Empty, conventions), CancellationToken.None);
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    private static SpecModel Apply(SpecModel model) => ConventionStage.Apply(model, CancellationToken.None);

    private static IEnumerable<OperationModel> AllOperations(SpecModel model) => model.Groups.SelectMany(g => g.Operations).Concat(model.RootOperations);

    private static OperationModel Operation(SpecModel model, string operationId) => Assert.Single(AllOperations(model), o => o.OperationId == operationId);

    private static string Corpus(string file)
    {
        var corpus = GeneratorHarness.CorpusDirectory();
        Skip.If(corpus is null, "../shared/corpus is not beside this checkout, so the real-world specs are not available.");
        var path = Path.Combine(corpus!, file);
        Skip.IfNot(File.Exists(path), $"{file} is not in ../shared/corpus.");
        return File.ReadAllText(path);
    }
}
