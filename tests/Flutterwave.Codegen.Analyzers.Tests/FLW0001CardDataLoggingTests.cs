using System.Threading.Tasks;
using Flutterwave.Codegen.Analyzers.CodeFixes;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.CardDataLoggingAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0001CardDataLoggingTests
{
    // A request type of the user's own that carries a card number, as plaintext card members do.
    private const string Types = """
        using Flutterwave.Runtime.Annotations;
        class PaymentCard
        {
            [CardData] public string CardNumber { get; set; } = "";
            [CardData] public string Cvv { get; set; } = "";
            public string Last4 { get; set; } = "";
        }
        class Checkout { public PaymentCard Card { get; set; } = new(); public string OrderId { get; set; } = ""; }
        """;

    [Fact]
    public async Task CardDataInLoggerConsoleDebugAndTrace_Diagnostic()
    {
        const string source = Types + """

            static partial class Log
            {
                [Microsoft.Extensions.Logging.LoggerMessage(1, Microsoft.Extensions.Logging.LogLevel.Information, "Paying {Pan}")]
                public static partial void Paying(Microsoft.Extensions.Logging.ILogger logger, string pan);
                public static partial void Paying(Microsoft.Extensions.Logging.ILogger logger, string pan) { }
            }
            class C
            {
                void M(Microsoft.Extensions.Logging.ILogger logger, PaymentCard card, Checkout checkout, Flutterwave.CardDetails details, Flutterwave.Card flutterwaveCard)
                {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Card {Pan}", {|#0:card.CardNumber|});
                    Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, $"CVV was {{|#1:card.Cvv|}}");
                    Microsoft.Extensions.Logging.LoggerExtensions.BeginScope(logger, "Checkout {Checkout}", {|#2:checkout|});
                    Log.Paying(logger, {|#3:card.CardNumber|});
                    System.Console.WriteLine("card: " + {|#4:card.CardNumber.ToString()|});
                    System.Diagnostics.Debug.WriteLine(string.Format("{0}", {|#5:details.ExpiryMonth|}));
                    var pan = card.CardNumber;
                    System.Diagnostics.Trace.TraceInformation({|#6:pan|});
                    System.Console.WriteLine(System.Text.Json.JsonSerializer.Serialize({|#7:checkout|}));
                    Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(logger, "Card {Card}", {|#8:flutterwaveCard|});
                    Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(logger, "Card {Pan}", {|#9:flutterwaveCard.CardNumber|});
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("The card data 'CardNumber'", "LogInformation"),
            V.Diagnostic().WithLocation(1).WithArguments("The card data 'Cvv'", "LogWarning"),
            V.Diagnostic().WithLocation(2).WithArguments("'Checkout', which holds card data,", "BeginScope"),
            V.Diagnostic().WithLocation(3).WithArguments("The card data 'CardNumber'", "Paying"),
            V.Diagnostic().WithLocation(4).WithArguments("The card data 'CardNumber'", "WriteLine"),
            V.Diagnostic().WithLocation(5).WithArguments("The card data 'ExpiryMonth'", "WriteLine"),
            V.Diagnostic().WithLocation(6).WithArguments("Card data (through 'pan') from 'CardNumber'", "TraceInformation"),
            V.Diagnostic().WithLocation(7).WithArguments("'Checkout', which holds card data,", "WriteLine"),
            V.Diagnostic().WithLocation(8).WithArguments("'Card', which holds card data,", "LogDebug"),
            V.Diagnostic().WithLocation(9).WithArguments("The card data 'CardNumber'", "LogDebug"));
    }

    [Fact]
    public async Task MaskedValues_LastFour_OtherMembers_AndNonLogCalls_NoDiagnostic()
    {
        const string source = Types + """

            class C
            {
                void M(Microsoft.Extensions.Logging.ILogger logger, PaymentCard card, Checkout checkout, Flutterwave.Charge charge, System.Text.StringBuilder builder)
                {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Card {Pan}", Flutterwave.Runtime.Annotations.CardDataMask.Mask(card.CardNumber));
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Card ending {Last4}", card.Last4);
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Length {Length}", card.CardNumber.Length);
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Order {Order}", checkout.OrderId);
                    // A response: its card details are masked, and an expiry alone does not make an object card data.
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Charge {Charge}", charge);
                    System.Console.WriteLine(card.CardNumber.Substring(card.CardNumber.Length - 4));
                    builder.Append(card.CardNumber);
                    var pan = card.CardNumber;
                    _ = pan.Length;
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task CardMemberInLog_FixMasksIt()
    {
        const string source = Types + """

            class C
            {
                void M(Microsoft.Extensions.Logging.ILogger logger, PaymentCard card) =>
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, $"Card {{|#0:card.CardNumber|}}");
            }
            """;
        const string fixedSource = Types + """

            class C
            {
                void M(Microsoft.Extensions.Logging.ILogger logger, PaymentCard card) =>
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, $"Card {CardDataMask.Mask(card.CardNumber)}");
            }
            """;

        await V.CodeFixAsync<CardDataLoggingCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("The card data 'CardNumber'", "LogInformation"));
    }

    [Fact]
    public async Task WholeConsoleArgument_FixRemovesIt()
    {
        const string source = Types + """

            class C
            {
                void M(PaymentCard card) => System.Console.Write("card", {|#0:card|});
            }
            """;

        // Console.Write(string, object) with a card object: only removal applies (an object cannot be masked).
        const string fixedSource = Types + """

            class C
            {
                void M(PaymentCard card) => System.Console.Write("card");
            }
            """;

        await V.CodeFixAsync<CardDataLoggingCodeFix>(source, fixedSource, V.Diagnostic().WithLocation(0).WithArguments("'PaymentCard', which holds card data,", "Write"));
    }
}
