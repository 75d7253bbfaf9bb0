using System.Threading.Tasks;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.HeaderValueAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0005HeaderValueTests
{
    [Fact]
    public async Task ValuesTheOperationsRulesRuleOut_Diagnostic()
    {
        var tooLong = new string('a', 256);
        var source = $$"""
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request, string id)
                {
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = {|#0:"short"|} });
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { TraceId = {|#1:"{{tooLong}}"|} });
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = {|#2:"k" + id + "{{tooLong}}"|} });
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("IdempotencyKey", "it is 5 characters long and the spec requires at least 12 ('CreateChargeAsync' sends it as X-Idempotency-Key)"),
            V.Diagnostic().WithLocation(1).WithArguments("TraceId", "it is 256 characters long and the spec allows at most 255 ('CreateChargeAsync' sends it as X-Trace-Id)"),
            V.Diagnostic().WithLocation(2).WithArguments("IdempotencyKey", "its constant parts alone are 257 characters long and the spec allows at most 255 ('CreateChargeAsync' sends it as X-Idempotency-Key)"));
    }

    [Fact]
    public async Task CharactersNoHeaderCanCarry_Diagnostic_Anywhere()
    {
        const string source = """
            using Flutterwave.Runtime;
            class C
            {
                void M(int id)
                {
                    _ = new RequestOptions { ScenarioKey = {|#0:"scenario auth_pin"|} };
                    var options = new RequestOptions();
                    options.TraceId = {|#1:$"trace id {id}"|};
                    options.IdempotencyKey = {|#2:"order\u00e9000000001"|};
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("ScenarioKey", "it contains a space, and a header value holds printable ASCII only"),
            V.Diagnostic().WithLocation(1).WithArguments("TraceId", "it contains a space, and a header value holds printable ASCII only"),
            V.Diagnostic().WithLocation(2).WithArguments("IdempotencyKey", "it contains the character U+00E9, and a header value holds printable ASCII only"));
    }

    [Fact]
    public async Task AnotherApisRules_AreThatApisRules()
    {
        // An exact client of another API: its operation declares Idempotency-Key with maxLength 64 and a pattern.
        const string source = """
            using System.Threading.Tasks;
            using Flutterwave.Runtime;
            using Flutterwave.Runtime.Annotations;
            class AcmeClient
            {
                [ApiOperation("POST", "/payments", "createPayment")]
                [OptionHeader("IdempotencyKey", "Idempotency-Key", MaxLength = 64, Pattern = "^[a-z0-9-]+$", Generated = true)]
                public Task CreatePaymentAsync(RequestOptions? options = null) => Task.CompletedTask;
            }
            class C
            {
                async Task M(AcmeClient acme, int id)
                {
                    await acme.CreatePaymentAsync(new RequestOptions { IdempotencyKey = "k" });
                    await acme.CreatePaymentAsync(new RequestOptions { IdempotencyKey = "order-1" });
                    await acme.CreatePaymentAsync(new RequestOptions { IdempotencyKey = {|#0:"Order-1"|} });
                    await acme.CreatePaymentAsync(new RequestOptions { IdempotencyKey = {|#1:$"order_{id}"|} });
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("IdempotencyKey", "the pattern ^[a-z0-9-]+$ does not allow 'O' ('CreatePaymentAsync' sends it as Idempotency-Key)"),
            V.Diagnostic().WithLocation(1).WithArguments("IdempotencyKey", "the pattern ^[a-z0-9-]+$ does not allow '_' (character 6 of constant part 1) ('CreatePaymentAsync' sends it as Idempotency-Key)"));
    }

    [Fact]
    public async Task ValidValues_RuntimeValues_OtherTypes_AndOptionsWithoutACall_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class Other { public string TraceId { get; set; } = ""; }
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request, int id, string fromUser, Other other, CardOnFile cardOnFile)
                {
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = "order-0000000001", TraceId = new string('a', 255) });
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = fromUser, TraceId = $"order{id}" });
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N"), ScenarioKey = "scenario:auth_pin&issuer:approved" });
                    _ = new RequestOptions { IdempotencyKey = "short" };
                    other.TraceId = "x y";
                    cardOnFile.TraceId = "123";
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
