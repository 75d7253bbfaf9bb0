using System.Threading.Tasks;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.HeaderValueAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0005HeaderValueTests
{
    [Fact]
    public async Task ShortLongAndNonAlphanumericConstants_Diagnostic()
    {
        var tooLong = new string('a', 256);
        var source = $$"""
            using Flutterwave.Runtime;
            class C
            {
                void M(int id)
                {
                    _ = new RequestOptions { IdempotencyKey = {|#0:"short"|} };
                    _ = new RequestOptions { TraceId = {|#1:"{{tooLong}}"|} };
                    _ = new RequestOptions { IdempotencyKey = {|#2:"order-0000000001"|} };
                    var options = new RequestOptions();
                    options.TraceId = {|#3:$"trace id {id}"|};
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("IdempotencyKey", "is 5 characters long"),
            V.Diagnostic().WithLocation(1).WithArguments("TraceId", "is 256 characters long"),
            V.Diagnostic().WithLocation(2).WithArguments("IdempotencyKey", "contains '-'"),
            V.Diagnostic().WithLocation(3).WithArguments("TraceId", "contains a space"));
    }

    [Fact]
    public async Task ValidValues_RuntimeValues_AndOtherTraceIds_NoDiagnostic()
    {
        const string source = """
            using System;
            using Flutterwave;
            using Flutterwave.Runtime;
            class Other { public string TraceId { get; set; } = ""; }
            class C
            {
                void M(int id, string fromUser, Other other, CardOnFile cardOnFile)
                {
                    _ = new RequestOptions { IdempotencyKey = "order0000000001", TraceId = new string('a', 255) };
                    _ = new RequestOptions { IdempotencyKey = fromUser, TraceId = $"order{id}" };
                    _ = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N"), ScenarioKey = "scenario:auth_pin&issuer:approved" };
                    other.TraceId = "x y";
                    cardOnFile.TraceId = "123";
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
