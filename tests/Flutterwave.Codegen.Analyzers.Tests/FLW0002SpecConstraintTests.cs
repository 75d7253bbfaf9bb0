using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers.CodeFixes;
using Flutterwave.Codegen.Analyzers.Rules;
using Flutterwave.Codegen.Analyzers.Tests.Infrastructure;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.SpecConstraintAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0002SpecConstraintTests
{
    private static string Underscore(int part, int character) =>
        $"the pattern ^[a-zA-Z0-9\\-]+$ does not allow '_' (character {character} of constant part {part})";

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

        await V.AnalyzerAsync(source, V.Diagnostic().WithLocation(0).WithArguments("Reference", Underscore(1, 6)));
    }

    [Fact]
    public async Task ConcatenatedReference_ConstantPartBreaksPattern_Diagnostic_WithoutFix()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                ChargeRequest M(string orderId) => new ChargeRequest { Amount = 10m, Currency = "NGN", Reference = {|#0:"order_" + orderId|} };
            }
            """;

        await V.CodeFixAsync<SpecConstraintCodeFix>(source, source, V.Diagnostic().WithLocation(0).WithArguments("Reference", Underscore(1, 6)));
    }

    [Fact]
    public async Task NestedConcatenationInterpolationAndConcat_ConstantPartBreaksPattern_Diagnostic()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                const string Separator = "_";

                void M(ChargeRequest a, OrderRequest b, VirtualAccountRequest c, ChargeRequest d, ChargeRequest e, int id, string region)
                {
                    a.Reference = {|#0:"ord-" + id + "-" + (region + "_" + $"{id}")|};
                    b.Reference = {|#1:$"ord-{"x" + Separator + id}"|};
                    c.Reference = {|#2:string.Concat("va", "-", region, "_", id.ToString())|};
                    d.Reference = {|#3:$"{id}" + 'x' + ' '|};
                    e.Reference = {|#4:"ord" + id + $"-{region}" + ("a" + ("b" + ("c" + ("d" + (region + ".")))))|};
                }
            }
            """;

        await V.AnalyzerAsync(
            source,
            V.Diagnostic().WithLocation(0).WithArguments("Reference", Underscore(3, 1)),
            V.Diagnostic().WithLocation(1).WithArguments("Reference", Underscore(1, 6)),
            V.Diagnostic().WithLocation(2).WithArguments("Reference", Underscore(2, 1)),
            V.Diagnostic().WithLocation(3).WithArguments("Reference", "the pattern ^[a-zA-Z0-9\\-]+$ does not allow a space (character 2 of constant part 1)"),
            V.Diagnostic().WithLocation(4).WithArguments("Reference", "the pattern ^[a-zA-Z0-9\\-]+$ does not allow '.' (character 1 of constant part 4)"));
    }

    [Fact]
    public async Task ConstantPrefixLongerThanMaxLength_Diagnostic()
    {
        const string source = """
            using Flutterwave;
            class C
            {
                void M(ChargeRequest a, OrderRequest b, int orderId)
                {
                    a.Reference = {|#0:"a123456789a123456789a123456789a123456789abc" + orderId|};
                    b.Reference = {|#1:$"a123456789a123456789{orderId}a123456789a123456789abc"|};
                }
            }
            """;

        await V.AnalyzerAsync(
            source,
            V.Diagnostic().WithLocation(0).WithArguments("Reference", "its constant parts alone are 43 characters long and the spec allows at most 42"),
            V.Diagnostic().WithLocation(1).WithArguments("Reference", "its constant parts alone are 43 characters long and the spec allows at most 42"));
    }

    [Fact]
    public async Task ConcatenationAgainstOtherSingleClassPattern_Diagnostic()
    {
        const string source = """
            using Flutterwave.Runtime.Annotations;
            class Own
            {
                [SpecPattern("^[A-Z]{3}$")]
                public string Code { get; set; } = "";
            }
            class C
            {
                void M(Own own, string rest) => own.Code = {|#0:"N" + rest + "g"|};
            }
            """;

        await V.AnalyzerAsync(source, V.Diagnostic().WithLocation(0).WithArguments("Code", "the pattern ^[A-Z]{3}$ does not allow 'g' (character 1 of constant part 2)"));
    }

    [Fact]
    public async Task ConcatenationsThatCanMatch_AndPatternsNotOneAnchoredClass_NoDiagnostic()
    {
        const string source = """
            using Flutterwave;
            using Flutterwave.Runtime.Annotations;
            class Own
            {
                [SpecPattern("^ord_[a-z0-9]+$")]
                public string Prefixed { get; set; } = "";

                [SpecPattern("[a-z0-9]+")]
                public string Unanchored { get; set; } = "";

                [SpecPattern("^[a-z0-9]+")]
                public string StartOnly { get; set; } = "";

                [SpecPattern("^[a-z]+|[0-9]+$")]
                public string Alternatives { get; set; } = "";

                [SpecLength(MaxLength = 5)]
                public string Short { get; set; } = "";
            }
            class Other { public string Reference { get; set; } = ""; }
            class C
            {
                void M(ChargeRequest request, Own own, Other other, int orderId, string a, string b)
                {
                    request.Reference = "order-" + orderId;
                    request.Reference = orderId + "-x";
                    request.Reference = a + b;
                    request.Reference = "ord" + -1;
                    request.Reference = string.Concat("ord-", a);
                    request.Reference = "a123456789a123456789a123456789a123456789ab" + a;
                    own.Prefixed = "ord_" + a;
                    own.Unanchored = "A_" + a;
                    own.StartOnly = "a_" + a;
                    own.Alternatives = "a_" + a;
                    own.Short = "abcde" + a;
                    own.Short = "\U0001F600\U0001F600\U0001F600" + a;
                    other.Reference = "x_" + a;
                }
            }
            """;

        await V.AnalyzerAsync(source);
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
