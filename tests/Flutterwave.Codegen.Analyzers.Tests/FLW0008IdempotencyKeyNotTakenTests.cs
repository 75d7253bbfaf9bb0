using System.Threading.Tasks;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.IdempotencyKeyNotTakenAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0008IdempotencyKeyNotTakenTests
{
    private const string Acme = """
        class AcmeClient
        {
            [ApiOperation("POST", "/shoppers/validate", "validateShopper")]
            public Task ValidateShopperAsync(RequestOptions? options = null) => Task.CompletedTask;

            [ApiOperation("POST", "/payments", "createPayment")]
            [OptionHeader("IdempotencyKey", "Idempotency-Key", MaxLength = 64, Generated = true)]
            public Task CreatePaymentAsync(RequestOptions? options = null) => Task.CompletedTask;
        }
        """;

    [Fact]
    public async Task AKeyForAnOperationThatTakesNone_Diagnostic()
    {
        var source = $$"""
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            using Flutterwave.Runtime.Annotations;
            {{Acme}}
            class C
            {
                async Task M(AcmeClient acme, FlutterwaveClient client, string id)
                {
                    await acme.ValidateShopperAsync(new RequestOptions { {|#0:IdempotencyKey = "shopper" + id|} });
                    await client.Charges.ListChargesAsync(options: new RequestOptions { {|#1:IdempotencyKey = "list-000000000001"|}, TraceId = "trace-0000000001" });
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("ValidateShopperAsync"),
            V.Diagnostic().WithLocation(1).WithArguments("ListChargesAsync"));
    }

    [Fact]
    public async Task OperationsThatTakeAKey_NullKeys_AndOtherOptions_NoDiagnostic()
    {
        var source = $$"""
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            using Flutterwave.Runtime.Annotations;
            {{Acme}}
            class C
            {
                async Task M(AcmeClient acme, FlutterwaveClient client, ChargeRequest request)
                {
                    await acme.CreatePaymentAsync(new RequestOptions { IdempotencyKey = "payment-1" });
                    await acme.ValidateShopperAsync(new RequestOptions { IdempotencyKey = null, TraceId = "t" });
                    await acme.ValidateShopperAsync();
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = "charge-000000000001" });
                    await client.Customers.ListCustomersAsync(options: new RequestOptions { IdempotencyKey = "list-000000000001" });
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
