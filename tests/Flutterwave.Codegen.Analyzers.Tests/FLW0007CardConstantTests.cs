using System.Threading.Tasks;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.CardConstantAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0007CardConstantTests
{
    // A user's own card type: the rule reads [CardData], wherever it is.
    private const string CardType = """
        using Flutterwave.Runtime.Annotations;
        class TestCard
        {
            [CardData] public string CardNumber { get; set; } = "";
            [CardData] public string ExpiryMonth { get; set; } = "";
            [CardData] public string ExpiryYear { get; set; } = "";
            [CardData] public string EncryptedCardNumber { get; set; } = "";
            public string Number { get; set; } = "";
        }
        """;

    [Fact]
    public async Task LuhnFailure_WrongLength_PastYear_ImpossibleMonth_Diagnostic()
    {
        const string source = CardType + """

            class C
            {
                void M(Flutterwave.CardDetails details)
                {
                    _ = new TestCard { CardNumber = {|#0:"4242 4242 4242 4241"|} };
                    _ = new TestCard { CardNumber = {|#1:"42424242"|} };
                    _ = new TestCard { ExpiryMonth = {|#2:"13"|}, ExpiryYear = "2099" };
                    details.ExpiryYear = {|#3:"20"|};
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("CardNumber", "fails the Luhn check"),
            V.Diagnostic().WithLocation(1).WithArguments("CardNumber", "has 8 digits; card numbers have 12 to 19"),
            V.Diagnostic().WithLocation(2).WithArguments("ExpiryMonth", "is not a month (1 to 12)"),
            V.Diagnostic().WithLocation(3).WithArguments("ExpiryYear", "is a year already in the past"));
    }

    [Fact]
    public async Task ValidTestCards_FutureExpiry_Placeholders_Ciphertext_AndUnmarkedMembers_NoDiagnostic()
    {
        const string source = CardType + """

            class C
            {
                void M(string fromUser)
                {
                    _ = new TestCard { CardNumber = "4242 4242 4242 4242", ExpiryMonth = "09", ExpiryYear = "32" };
                    _ = new TestCard { CardNumber = "5531-8866-5214-2950", ExpiryMonth = "12", ExpiryYear = "2099" };
                    _ = new TestCard { CardNumber = "{{card_number}}" };
                    _ = new TestCard { CardNumber = fromUser };
                    _ = new TestCard { EncryptedCardNumber = "1234" };
                    _ = new TestCard { Number = "1234" };
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }
}
