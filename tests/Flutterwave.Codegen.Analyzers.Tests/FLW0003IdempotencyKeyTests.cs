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
    [Fact]
    public async Task OrchestratorChargeWithTraceIdOnly_Diagnostic_AndFixAddsKey()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task<Charge> M(FlutterwaveClient client, ChargeRequest body, CancellationToken token) =>
                    await client.Orchestration.InitiateOrchestratorChargeAsync(body, options: {|#0:new RequestOptions { TraceId = "trace0123456789" }|}, token).ConfigureAwait(false);
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
                async Task<Charge> M(FlutterwaveClient client, ChargeRequest body, CancellationToken token) =>
                    await client.Orchestration.InitiateOrchestratorChargeAsync(body, options: new RequestOptions { TraceId = "trace0123456789", {{Key}} }, token).ConfigureAwait(false);
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("InitiateOrchestratorChargeAsync"));
    }

    [Fact]
    public async Task OrchestratorChargeWithOptionsInLocal_Diagnostic_AndFixAddsKeyToInitializer()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task<Charge> M(FlutterwaveClient client, ChargeRequest body, OrderRequest order, string traceId)
                {
                    var options = {|#1:new RequestOptions { TraceId = traceId }|};
                    await client.Orchestration.InitiateOrchestratorOrderAsync(order, {|#2:options|});
                    return await client.Orchestration.InitiateOrchestratorChargeAsync(body, {|#0:options|});
                }
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task<Charge> M(FlutterwaveClient client, ChargeRequest body, OrderRequest order, string traceId)
                {
                    var options = new RequestOptions { TraceId = traceId, {{Key}} };
                    await client.Orchestration.InitiateOrchestratorOrderAsync(order, options);
                    return await client.Orchestration.InitiateOrchestratorChargeAsync(body, options);
                }
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(
            source,
            fixedSource,
            V.Diagnostic().WithLocation(2).WithLocation(1).WithArguments("InitiateOrchestratorOrderAsync"),
            V.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("InitiateOrchestratorChargeAsync"));
    }

    [Fact]
    public async Task TargetTypedOptionsInLocalWithoutInitializer_Diagnostic_AndFixAddsInitializer()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request)
                {
                    RequestOptions options = {|#1:new()|};
                    await client.Charges.CreateChargeAsync(request, {|#0:options|});
                }
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request)
                {
                    RequestOptions options = new()
                    {
                        {{Key}}
                    };
                    await client.Charges.CreateChargeAsync(request, options);
                }
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("CreateChargeAsync"));
    }

    [Fact]
    public async Task OptionsInLocalNeverGivenKey_Diagnostic_WithoutFixWhenAssignedTwice()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request, CustomerRequest customer, bool retry)
                {
                    var options = {|#1:new RequestOptions { TraceId = "trace0123456789" }|};
                    options.TraceId = "trace9876543210";
                    _ = options.ScenarioKey;
                    await client.Charges.GetChargeAsync("chg_1", options);
                    await client.Charges.CreateChargeAsync(request, {|#0:options|});

                    RequestOptions again = {|#3:new RequestOptions { IdempotencyKey = null }|};
                    if (retry)
                    {
                        again = {|#4:new RequestOptions()|};
                    }

                    await client.Customers.CreateCustomerAsync(customer, {|#2:again|});
                    Func<Task> later = async () =>
                    {
                        var inner = {|#6:new RequestOptions { TraceId = "trace0123456789" }|};
                        await client.Charges.CreateChargeAsync(request, {|#5:inner|});
                    };
                    await later();
                }
            }
            """;

        await V.CodeFixAsync<IdempotencyKeyCodeFix>(
            source,
            source.Replace("{|#1:new RequestOptions { TraceId = \"trace0123456789\" }|}", "new RequestOptions { TraceId = \"trace0123456789\", " + Key + " }")
                .Replace("{|#6:new RequestOptions { TraceId = \"trace0123456789\" }|}", "new RequestOptions { TraceId = \"trace0123456789\", " + Key + " }")
                .Replace("{|#0:options|}", "options").Replace("{|#5:inner|}", "inner"),
            new[]
            {
                V.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("CreateChargeAsync"),
                V.Diagnostic().WithLocation(2).WithLocation(3).WithLocation(4).WithArguments("CreateCustomerAsync"),
                V.Diagnostic().WithLocation(5).WithLocation(6).WithArguments("CreateChargeAsync"),
            },
            new[] { V.Diagnostic().WithLocation(2).WithLocation(3).WithLocation(4).WithArguments("CreateCustomerAsync") });
    }

    [Fact]
    public async Task OptionsInLocalCastOrInTopLevelProgram_Diagnostic()
    {
        const string source = """
            using System.Net.Http;
            using Flutterwave;
            using Flutterwave.Runtime;

            var client = new FlutterwaveClient(new HttpClient());
            var request = new ChargeRequest { Amount = 10m, Currency = "NGN", Reference = "order-12345" };
            var options = {|#1:new RequestOptions { TraceId = "trace0123456789" }|};
            if (args.Length > 99)
            {
                await client.Orchestration.InitiateOrchestratorChargeAsync(request, {|#0:options|});
                await client.Charges.CreateChargeAsync(request, (RequestOptions?){|#2:new RequestOptions { TraceId = "trace0123456789" }|});
            }
            """;

        await V.ProgramAnalyzerAsync(
            source,
            V.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("InitiateOrchestratorChargeAsync"),
            V.Diagnostic().WithLocation(2).WithArguments("CreateChargeAsync"));
    }

    [Fact]
    public async Task OptionsInLocalGivenKey_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                async Task M(FlutterwaveClient client, ChargeRequest request, string orderId, bool retry)
                {
                    var keyed = new RequestOptions { TraceId = "trace0123456789" };
                    keyed.IdempotencyKey = "order" + orderId;
                    await client.Charges.CreateChargeAsync(request, keyed);

                    var keyedAfterwards = new RequestOptions();
                    for (var i = 0; i < 2; i++)
                    {
                        await client.Charges.CreateChargeAsync(request, keyedAfterwards);
                        keyedAfterwards.IdempotencyKey ??= "order" + orderId;
                    }

                    var inInitializer = new RequestOptions { IdempotencyKey = "order" + orderId };
                    await client.Charges.CreateChargeAsync(request, inInitializer);

                    var maybe = new RequestOptions();
                    if (retry)
                    {
                        maybe = new RequestOptions { IdempotencyKey = orderId };
                    }

                    await client.Charges.CreateChargeAsync(request, maybe);
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task OptionsInLocalThatEscapes_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            static class Keys { public static void Add(RequestOptions options) => options.IdempotencyKey = "k"; public static void Extend(this RequestOptions options) { } }
            class C
            {
                RequestOptions? _stored;
                List<RequestOptions> _all = new();

                async Task M(FlutterwaveClient client, ChargeRequest request, IEnumerable<RequestOptions> many, object boxed)
                {
                    var passed = new RequestOptions();
                    Keys.Add(passed);
                    await client.Charges.CreateChargeAsync(request, passed);

                    var extended = new RequestOptions();
                    extended.Extend();
                    await client.Charges.CreateChargeAsync(request, extended);

                    // Captured locals are trusted even when the capture only reads them.
                    var captured = new RequestOptions();
                    Func<string?> trace = () => captured.TraceId;
                    await client.Charges.CreateChargeAsync(request, captured);

                    var capturedByLocalFunction = new RequestOptions();
                    async Task Send() => await client.Charges.CreateChargeAsync(request, capturedByLocalFunction);
                    await Send();

                    var byRef = new RequestOptions();
                    SetKey(ref byRef);
                    await client.Charges.CreateChargeAsync(request, byRef);

                    var aliased = new RequestOptions();
                    ref var alias = ref aliased;
                    alias.IdempotencyKey = "k";
                    await client.Charges.CreateChargeAsync(request, aliased);

                    var copied = new RequestOptions();
                    var copy = copied;
                    copy.IdempotencyKey = "k";
                    await client.Charges.CreateChargeAsync(request, copied);

                    var stored = new RequestOptions();
                    _stored = stored;
                    _all.Add(stored);
                    await client.Charges.CreateChargeAsync(request, stored);

                    MakeKeyed(out var fromOut);
                    await client.Charges.CreateChargeAsync(request, fromOut);

                    if (boxed is RequestOptions fromPattern)
                    {
                        await client.Charges.CreateChargeAsync(request, fromPattern);
                    }

                    foreach (var each in many)
                    {
                        await client.Charges.CreateChargeAsync(request, each);
                    }
                }

                static void SetKey(ref RequestOptions options) => options.IdempotencyKey = "k";

                static void MakeKeyed(out RequestOptions options) => options = new RequestOptions { IdempotencyKey = "k" };
            }
            """;

        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task OptionsFromMethodCallParameterOrConditional_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Flutterwave;
            using Flutterwave.Runtime;
            class C
            {
                static RequestOptions Make() => new RequestOptions { IdempotencyKey = "k0123456789ab" };

                async Task M(FlutterwaveClient client, ChargeRequest request, RequestOptions fromCaller, RequestOptions? other, bool flag)
                {
                    var made = Make();
                    await client.Charges.CreateChargeAsync(request, made);

                    var parameter = fromCaller;
                    await client.Charges.CreateChargeAsync(request, parameter);

                    var either = flag ? new RequestOptions() : fromCaller;
                    await client.Charges.CreateChargeAsync(request, either);

                    var coalesced = other ?? new RequestOptions();
                    await client.Charges.CreateChargeAsync(request, coalesced);

                    await client.Charges.CreateChargeAsync(request, fromCaller);

                    Func<RequestOptions, Task> send = async o => await client.Charges.CreateChargeAsync(request, o);
                    await send(new RequestOptions { IdempotencyKey = "k0123456789ab" });
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task APostThatTakesNoKey_ExactClientOfAnotherApi_NoDiagnostic()
    {
        // Its spec declares no idempotency header, so the generated method has no [OptionHeader("IdempotencyKey")]:
        // there is nothing to pass (and passing one is FLW0008).
        const string source = """
            using System.Threading.Tasks;
            using Flutterwave.Runtime;
            using Flutterwave.Runtime.Annotations;
            class AcmeClient
            {
                [ApiOperation("POST", "/shoppers/validate", "validateShopper")]
                public Task ValidateShopperAsync(RequestOptions? options = null) => Task.CompletedTask;

                [ApiOperation("POST", "/payments", "createPayment")]
                [OptionHeader("IdempotencyKey", "Idempotency-Key", MaxLength = 64, Generated = true)]
                public Task CreatePaymentAsync(RequestOptions? options = null) => Task.CompletedTask;
            }
            class C
            {
                async Task M(AcmeClient acme)
                {
                    await acme.ValidateShopperAsync();
                    await acme.ValidateShopperAsync(new RequestOptions { TraceId = "t" });
                    await {|#0:acme.CreatePaymentAsync()|};
                }
            }
            """;

        await V.AnalyzerAsync(source, V.Diagnostic().WithLocation(0).WithArguments("CreatePaymentAsync"));
    }
}
