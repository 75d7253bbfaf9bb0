using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers.CodeFixes;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.ClockReferenceAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0006ClockReferenceTests
{
    [Fact]
    public async Task ReferenceFromTimestamp_Diagnostic_AndFixKeepsPrefixWithGuid()
    {
        const string source = """
            using System;
            using Flutterwave;
            class C
            {
                void M(ChargeRequest request) => request.Reference = {|#0:$"chg-{DateTime.UtcNow:yyyyMMddHHmmssfff}"|};
            }
            """;
        const string fixedSource = """
            using System;
            using Flutterwave;
            class C
            {
                void M(ChargeRequest request) => request.Reference = "chg-" + Guid.NewGuid().ToString("N");
            }
            """;

        await V.CodeFixAsync<ClockReferenceCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("Reference"));
    }

    [Fact]
    public async Task TicksTickCountAndConcatenation_Diagnostic_AndFixUsesGuid()
    {
        const string source = """
            using System;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                void M(ChargeRequest a, ChargeRequest b, RequestOptions options)
                {
                    a.Reference = {|#0:DateTime.Now.Ticks.ToString()|};
                    b.Reference = {|#1:"ref" + Environment.TickCount|};
                    options.IdempotencyKey = {|#2:DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString()|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                void M(ChargeRequest a, ChargeRequest b, RequestOptions options)
                {
                    a.Reference = Guid.NewGuid().ToString("N");
                    b.Reference = Guid.NewGuid().ToString("N");
                    options.IdempotencyKey = Guid.NewGuid().ToString("N");
                }
            }
            """;

        await V.CodeFixAsync<ClockReferenceCodeFix>(source, fixedSource,
            V.Diagnostic().WithLocation(0).WithArguments("Reference"),
            V.Diagnostic().WithLocation(1).WithArguments("Reference"),
            V.Diagnostic().WithLocation(2).WithArguments("IdempotencyKey"));
    }

    [Fact]
    public async Task ClockWithAnIdentifier_Guid_AndOtherMembers_NoDiagnostic()
    {
        const string source = """
            using System;
            using Flutterwave;
            class Mine { public string Reference { get; set; } = ""; }
            class C
            {
                void M(ChargeRequest a, ChargeRequest b, ChargeRequest c, Mine mine, int orderId)
                {
                    a.Reference = $"ord-{orderId}-{DateTime.UtcNow:yyyyMMdd}";
                    b.Reference = Guid.NewGuid().ToString("N");
                    c.Reference = "fixed-reference";
                    mine.Reference = DateTime.UtcNow.Ticks.ToString();
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
