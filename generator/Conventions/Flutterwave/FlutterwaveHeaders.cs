using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Flutterwave's header rules on top of what an operation declares: every POST takes <c>X-Idempotency-Key</c>
/// (generated once per call when the caller gives none, so retries replay instead of charging twice), every
/// operation takes <c>X-Trace-Id</c> (generated the same way), and keys are 12 to 255 characters unless the
/// operation declares tighter rules. <c>X-Scenario-Key</c> (1 to 1000 characters) only where declared.
/// </summary>
internal static class FlutterwaveHeaders
{
    public static (OptionHeaderModel? Idempotency, OptionHeaderModel Trace, OptionHeaderModel? Scenario) Complete(
        OperationModel operation, OptionHeaderModel? idempotency, OptionHeaderModel? trace, OptionHeaderModel? scenario)
    {
        var isPost = operation.HttpMethod == "POST";
        OptionHeaderModel? completedIdempotency = null;
        if (idempotency is not null || isPost)
        {
            var declared = idempotency ?? new OptionHeaderModel(FlutterwaveFacts.IdempotencyKeyHeader, null, null, null, false, false, Declared: false);
            completedIdempotency = WithKeyRules(declared, generate: isPost);
        }

        var traceHeader = WithKeyRules(trace ?? new OptionHeaderModel(FlutterwaveFacts.TraceIdHeader, null, null, null, false, false, Declared: false), generate: true);
        var scenarioHeader = scenario is null ? null : scenario with
        {
            MinLength = scenario.MinLength ?? FlutterwaveFacts.ScenarioMinLength,
            MaxLength = scenario.MaxLength ?? FlutterwaveFacts.ScenarioMaxLength,
        };
        return (completedIdempotency, traceHeader, scenarioHeader);
    }

    private static OptionHeaderModel WithKeyRules(OptionHeaderModel header, bool generate)
    {
        var min = header.MinLength ?? FlutterwaveFacts.KeyMinLength;
        var max = header.MaxLength ?? FlutterwaveFacts.KeyMaxLength;
        var canGenerate = generate && OptionHeaderConvention.CanGenerate(min, max, header.Pattern);
        return header with
        {
            MinLength = min,
            MaxLength = max,
            GenerateWhenMissing = canGenerate,
            Required = header.Required && !canGenerate,
        };
    }
}
