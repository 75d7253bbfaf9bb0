using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers.CodeFixes;
using Flutterwave.Codegen.Analyzers.Rules;
using Flutterwave.Codegen.Analyzers.Tests.Infrastructure;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.SpecConstraintAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0002SpecConstraintTests
{
    [Fact]
    public async Task ReferenceWithUnderscore_Diagnostic_AndFixReplacesItWithDash()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                ChargeRequest M() => new ChargeRequest { Amount = 10m, Currency = "NGN", Reference = {|#0:"order_12345"|} };
            }
            """;
        const string fixedSource = """
            using Flutterwave;
            class C
            {
                ChargeRequest M() => new ChargeRequest { Amount = 10m, Currency = "NGN", Reference = "order-12345" };
            }
            """;

        await V.CodeFixAsync<SpecConstraintCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("Reference", "the pattern ^[a-zA-Z0-9\\-]+$ does not allow '_'"));
    }

    [Fact]
    public async Task ReferenceWithSpace_InAssignment_Diagnostic()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest request) => request.Reference = {|#0:"order 12345"|};
            }
            """;

        await V.AnalyzerAsync(source, V.Diagnostic().WithLocation(0).WithArguments("Reference", "the pattern ^[a-zA-Z0-9\\-]+$ does not allow a space"));
    }

    [Fact]
    public async Task ReferenceTooShortOrTooLong_Diagnostic_WithoutFix()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest a, ChargeRequest b)
                {
                    a.Reference = {|#0:"ab12"|};
                    b.Reference = {|#1:"a123456789a123456789a123456789a123456789abc"|};
                }
            }
            """;

        await V.CodeFixAsync<SpecConstraintCodeFix>(source, source,
            V.Diagnostic().WithLocation(0).WithArguments("Reference", "it is 4 characters long and the spec requires at least 6"),
            V.Diagnostic().WithLocation(1).WithArguments("Reference", "it is 43 characters long and the spec allows at most 42"));
    }

    [Fact]
    public async Task InterpolatedReference_ConstantPartBreaksPattern_Diagnostic()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest request, int orderId) => request.Reference = {|#0:$"order_{orderId}"|};
            }
            """;

        await V.AnalyzerAsync(source, V.Diagnostic().WithLocation(0).WithArguments("Reference", "the pattern ^[a-zA-Z0-9\\-]+$ does not allow '_'"));
    }

    [Fact]
    public async Task AmountBelowMinimum_Diagnostic()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest a, ChargeRequest b)
                {
                    a.Amount = {|#0:0|};
                    b.Amount = {|#1:0.001m|};
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("Amount", "the spec's minimum is 0.01"),
            V.Diagnostic().WithLocation(1).WithArguments("Amount", "the spec's minimum is 0.01"));
    }

    [Fact]
    public async Task CurrencyNotInSpecEnum_Diagnostic_AndWrongCaseIsFixed()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest a, ChargeRequest b)
                {
                    a.Currency = {|#0:"XYZ"|};
                    b.Currency = {|#1:"ngn"|};
                }
            }
            """;
        const string fixedSource = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest a, ChargeRequest b)
                {
                    a.Currency = "XYZ";
                    b.Currency = "NGN";
                }
            }
            """;

        var unlisted = V.Diagnostic().WithLocation(0).WithArguments("Currency", "\"XYZ\" is not one of the values the spec lists for Currency");
        await V.CodeFixAsync<SpecConstraintCodeFix>(
            source,
            fixedSource,
            new[] { unlisted, V.Diagnostic().WithLocation(1).WithArguments("Currency", "\"ngn\" is not one of the values the spec lists for Currency (did you mean \"NGN\"?)") },
            new[] { V.Diagnostic().WithSpan(6, 22, 6, 27).WithArguments("Currency", "\"XYZ\" is not one of the values the spec lists for Currency") });
    }

    [Fact]
    public async Task ValidConstants_AndLookalikes_NoDiagnostic()
    {
        const string source = """
            using Flutterwave;
            class Other { public string Reference { get; set; } = ""; public decimal Amount { get; set; } }
            class C
            {
                void M(ChargeRequest request, Other other, int orderId, string userInput)
                {
                    request.Reference = "order-12345";
                    request.Reference = $"order-{orderId}";
                    request.Reference = userInput;
                    request.Amount = 0.01m;
                    request.Amount = 12.34m;
                    request.Currency = "NGN";
                    request.Currency = Currency.USD;
                    other.Reference = "x_y";
                    other.Amount = 0;
                    // Comparing with an unlisted value is fine: generated enums are extensible.
                    _ = request.Currency == "XYZ";
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task MalformedCode_NoCrash()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest request)
                {
                    request.Reference = {|CS0029:42|};
                    request.{|CS1061:Nope|} = "a_b";
                    request.Amount = {|CS0029:"abc"|};
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
