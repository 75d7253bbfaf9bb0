using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers.CodeFixes;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.IdempotencyKeyAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0003IdempotencyKeyTests
{
    private const string Key = "IdempotencyKey = Guid.NewGuid().ToString(\"N\") /* TODO: derive from a stable business id (e.g. the order id) so a retry reuses it */";

    [Fact]
    public async Task PostWithoutOptions_Diagnostic_AndFixAddsOptionsWithKey()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                Task<Charge> M(FlutterwaveClient client, ChargeRequest request) => {|#0:client.Charges.CreateChargeAsync(request)|};
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                Task<Charge> M(FlutterwaveClient client, ChargeRequest request) => client.Charges.CreateChargeAsync(request, options: new RequestOptions { {{Key}} });
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("CreateChargeAsync"));
    }

    [Fact]
    public async Task PostWithNullOptions_Diagnostic_AndFixReplacesNull()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                Task<Customer> M(FlutterwaveClient client, CustomerRequest request, CancellationToken token) => client.Customers.CreateCustomerAsync(request, {|#0:null|}, token);
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                Task<Customer> M(FlutterwaveClient client, CustomerRequest request, CancellationToken token) => client.Customers.CreateCustomerAsync(request, new RequestOptions { {{Key}} }, token);
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("CreateCustomerAsync"));
    }

    [Fact]
    public async Task PostWithOptionsLackingKey_Diagnostic_AndFixAddsKeyToInitializer()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                Task<Charge> M(FlutterwaveClient client, ChargeRequest request) =>
                    client.Charges.CreateChargeAsync(request, {|#0:new RequestOptions { TraceId = "trace0123456789" }|});
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                Task<Charge> M(FlutterwaveClient client, ChargeRequest request) =>
                    client.Charges.CreateChargeAsync(request, new RequestOptions { TraceId = "trace0123456789", {{Key}} });
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("CreateChargeAsync"));
    }

    [Fact]
    public async Task PostWithKey_GetWithoutKey_OptionsFromElsewhere_AndLookalikes_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class Lookalike { public Task CreateChargeAsync(ChargeRequest body, RequestOptions? options = null) => Task.CompletedTask; }
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request, string orderId, RequestOptions fromCaller, Lookalike other)
                {
                    await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = "order" + orderId });
                    await client.Charges.CreateChargeAsync(request, options: new() { IdempotencyKey = orderId, TraceId = "trace0123456789" });
                    await client.Charges.CreateChargeAsync(request, fromCaller);
                    await client.Charges.GetChargeAsync("chg_1");
                    await client.Charges.ListChargesAsync();
                    await other.CreateChargeAsync(request);
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
