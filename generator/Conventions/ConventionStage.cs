using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flutterwave.Codegen.Diagnostics;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// The one place that decides which conventions apply to a spec, its operations and its schemas, and records each
/// decision in the model (Reading stays OpenAPI-only; Emitting renders what the records say). Model in, model out:
/// no document, no diagnostics, so it is cheap to cache and to test with hand-built models.
/// </summary>
/// <remarks>
/// For every spec: role headers the operation declares (idempotency key, trace id), envelopes, page-number paging,
/// card-data annotations. With the Flutterwave profile (<see cref="ProfileSelector"/>), also Flutterwave's header
/// rules, card and PIN encryption, decline checks, next_action helpers and its OAuth2 token endpoint.
/// </remarks>
internal static class ConventionStage
{
    /// <summary>
    /// Test seam: a test sets this to make the stage fail for one spec path, to prove that a failure becomes FLW1011
    /// and never escapes. Always null in production.
    /// </summary>
    internal static Func<string, bool>? FailForPath;

    /// <summary>The pipeline's step: <see cref="Apply"/>, with any failure turned into FLW1011 at the spec file (never thrown into the compiler).</summary>
    public static ConventionResult Run(SpecModel spec, CancellationToken cancellationToken)
    {
        try
        {
            if (FailForPath?.Invoke(spec.SpecPath) == true)
            {
                throw new InvalidOperationException("Failure injected by a test.");
            }

            return new ConventionResult(Apply(spec, cancellationToken), null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new ConventionResult(spec, GeneratorFailure.For(spec.SpecPath, ex));
        }
    }

    public static SpecModel Apply(SpecModel spec, CancellationToken cancellationToken)
    {
        var (profile, reason) = ProfileSelector.Select(spec);
        var flutterwave = profile == ConventionProfile.Flutterwave;

        var types = new List<TypeModel>(spec.Types.Count);
        foreach (var type in spec.Types)
        {
            types.Add(type is ObjectModel model ? CardDataConvention.Apply(flutterwave ? CardEncryptionConvention.Apply(model) : model) : type);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var index = new ModelIndex(types);
        var groups = spec.Groups.Select(g => g with { Operations = Operations(g.Operations, profile, index) }).ToEquatableArray();
        var rootOperations = Operations(spec.RootOperations, profile, index);

        var typeNames = new NameScope(ignoreCase: true, types.Select(t => t.Name)
            .Concat(groups.Select(g => g.ClassName))
            .Concat(new[] { spec.ClientName, spec.ClientName + "ServiceCollectionExtensions" }));
        NextActionsModel? nextActions = null;
        string? declineClass = null;
        var declines = new List<DeclineCheckModel>();
        if (flutterwave)
        {
            var all = groups.SelectMany(g => g.Operations.Select(o => (o, g.ClassName))).Concat(rootOperations.Select(o => (o, spec.ClientName)));
            nextActions = NextActionConvention.Find("ChargeNextActions", all, index);
            if (nextActions is not null)
            {
                nextActions = nextActions with { ClassName = typeNames.Claim(nextActions.ClassName) };
            }

            declines = DeclineCheckConvention.Find(index);
            declineClass = declines.Count > 0 ? typeNames.Claim("PaymentDeclineChecks") : null;
        }

        return spec with
        {
            Types = types.ToEquatableArray(),
            Groups = groups,
            RootOperations = rootOperations,
            SecuritySchemes = flutterwave ? FlutterwaveAuthConvention.Apply(spec.SecuritySchemes) : spec.SecuritySchemes,
            Conventions = new SpecConventionsModel(
                profile,
                reason,
                flutterwave ? OptionsKind.Flutterwave : OptionsKind.ApiClient,
                declineClass,
                declines.ToEquatableArray(),
                nextActions),
        };
    }

    private static EquatableArray<OperationModel> Operations(EquatableArray<OperationModel> operations, ConventionProfile profile, ModelIndex index)
    {
        var methodNames = new NameScope(ignoreCase: false, operations.Select(o => o.MethodName));
        return operations.Select(o => Operation(o, profile, index, methodNames)).ToEquatableArray();
    }

    private static OperationModel Operation(OperationModel operation, ConventionProfile profile, ModelIndex index, NameScope methodNames)
    {
        var (parameters, idempotency, trace, scenario) = OptionHeaderConvention.Split(operation, profile);
        if (profile == ConventionProfile.Flutterwave)
        {
            (idempotency, trace, scenario) = FlutterwaveHeaders.Complete(operation, idempotency, trace, scenario);
        }

        var withoutHeaders = operation with { Parameters = parameters };
        var envelope = EnvelopeConvention.Find(withoutHeaders, index);
        var paging = PagingConvention.Find(withoutHeaders, envelope, methodNames);
        return withoutHeaders with { Conventions = new OperationConventionsModel(idempotency, trace, scenario, envelope, paging) };
    }
}
