using System.Text;
using System.Text.Json;
using Flutterwave.Runtime.Json;
using Flutterwave.Runtime.Webhooks;

namespace Flutterwave.Runtime.Tests.Webhooks;

public sealed class WebhookEventTests
{
    private const string ChargeCompleted = """
        {"webhook_id":"wbk_Q1w2E3r4T5","timestamp":1743069600123,"type":"charge.completed",
         "data":{"id":"chg_RCDsCBDyaV","amount":12.34,"status":"succeeded","customer":{"email":"ada@example.com"}}}
        """;

    private static WebhookEvent Parse(string json) => FlutterwaveWebhookVerifier.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_ReadsTheEnvelope()
    {
        var webhookEvent = Parse(ChargeCompleted);

        Assert.Equal("wbk_Q1w2E3r4T5", webhookEvent.WebhookId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1743069600123), webhookEvent.Timestamp);
        Assert.Equal(new DateTimeOffset(2025, 3, 27, 10, 0, 0, 123, TimeSpan.Zero), webhookEvent.Timestamp);
        Assert.Equal(WebhookEventTypes.ChargeCompleted, webhookEvent.Type);
        Assert.Equal(JsonValueKind.Object, webhookEvent.Data.ValueKind);
        Assert.Equal("chg_RCDsCBDyaV", webhookEvent.Data.GetProperty("id").GetString());
    }

    [Fact]
    public void Parse_TimestampAsAString_AndANumericId_AreAccepted()
    {
        var webhookEvent = Parse("""{"webhook_id":123456,"timestamp":"1743069600123","type":"charge.completed","data":{}}""");

        Assert.Equal("123456", webhookEvent.WebhookId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1743069600123), webhookEvent.Timestamp);
    }

    [Fact]
    public void Data_OutlivesTheBodyBuffer()
    {
        var body = Encoding.UTF8.GetBytes(ChargeCompleted);
        var webhookEvent = FlutterwaveWebhookVerifier.Parse(body);

        Array.Clear(body);

        Assert.Equal("chg_RCDsCBDyaV", webhookEvent.GetData<ChargeData>().Id);
    }

    [Fact]
    public void GetData_ReadsTheDataWithTheModelsOwnReader()
    {
        var charge = Parse(ChargeCompleted).GetData<ChargeData>();

        Assert.Equal("chg_RCDsCBDyaV", charge.Id);
        Assert.Equal(12.34m, charge.Amount);
        Assert.Equal("succeeded", charge.Status);
    }

    [Fact]
    public void GetData_WrongShape_IsAWebhookException()
    {
        var webhookEvent = Parse("""{"webhook_id":"w1","timestamp":1,"type":"charge.completed","data":{"amount":"lots"}}""");

        var error = Assert.Throws<FlutterwaveWebhookException>(() => webhookEvent.GetData<ChargeData>());

        Assert.Contains("ChargeData", error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException);
        Assert.False(error.ToString().Contains("lots", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_ShowsIdTypeAndTime_NeverTheData()
    {
        var text = Parse(ChargeCompleted).ToString();

        Assert.Equal("WebhookEvent { WebhookId = wbk_Q1w2E3r4T5, Type = charge.completed, Timestamp = 2025-03-27T10:00:00.1230000+00:00 }", text);
        Assert.False(text.Contains("ada@example.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("""{"webhook_id":"w1","timestamp":1,"type":"charge.completed","data":{"id":"x" """, "not valid JSON")]
    [InlineData("""{"webhook_id":"w1"} trailing""", "not valid JSON")]
    [InlineData("[1,2]", "is an array, not an object")]
    [InlineData("\"secret-looking-text\"", "is a string, not an object")]
    [InlineData("""{"timestamp":1,"type":"charge.completed","data":{}}""", "'webhook_id' is missing")]
    [InlineData("""{"webhook_id":"","timestamp":1,"type":"charge.completed","data":{}}""", "'webhook_id' is missing, empty")]
    [InlineData("""{"webhook_id":"w1","timestamp":1,"data":{}}""", "'type' is missing")]
    [InlineData("""{"webhook_id":"w1","type":"charge.completed","data":{}}""", "'timestamp' is missing")]
    [InlineData("""{"webhook_id":"w1","timestamp":"yesterday","type":"charge.completed","data":{}}""", "'timestamp' is missing or not Unix milliseconds")]
    [InlineData("""{"webhook_id":"w1","timestamp":-5,"type":"charge.completed","data":{}}""", "'timestamp' is missing or not Unix milliseconds")]
    [InlineData("""{"webhook_id":"w1","timestamp":1.5,"type":"charge.completed","data":{}}""", "'timestamp' is missing or not Unix milliseconds")]
    [InlineData("""{"webhook_id":"w1","timestamp":1,"type":"charge.completed"}""", "'data' is missing")]
    [InlineData("""{"webhook_id":"w1","timestamp":1,"type":"charge.completed","data":[1]}""", "'data' is an array")]
    [InlineData("""{"webhook_id":"w1","timestamp":1,"type":"charge.completed","data":null}""", "'data' is null")]
    public void Parse_MalformedPayload_IsAClearWebhookException(string json, string expected)
    {
        var error = Assert.Throws<FlutterwaveWebhookException>(() => Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"card_number":"4111111111111111","cvv":"123",""")]
    [InlineData("""{"note":"4111111111111111"} {"cvv":"123"}""")]
    [InlineData("""4111111111111111x""")]
    [InlineData("""["4111111111111111"]""")]
    public void Parse_MalformedPayload_NeverEchoesTheBody(string json)
    {
        var error = Assert.Throws<FlutterwaveWebhookException>(() => Parse(json));
        var text = error.ToString();

        Assert.False(text.Contains("4111", StringComparison.Ordinal));
        Assert.False(text.Contains("cvv", StringComparison.Ordinal));
        Assert.Null(error.InnerException);
    }

    /// <summary>A hand-written model with the same reading contract as generated ones.</summary>
    private sealed class ChargeData : IJsonModel<ChargeData>
    {
        public string? Id { get; private set; }

        public decimal Amount { get; private set; }

        public string? Status { get; private set; }

        public static ChargeData ReadJson(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw JsonCodec.Unexpected(ref reader, "an object (ChargeData)");
            }

            var result = new ChargeData();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "id":
                        result.Id = JsonCodec.ReadString(ref reader);
                        break;
                    case "amount":
                        result.Amount = JsonCodec.ReadDecimal(ref reader);
                        break;
                    case "status":
                        result.Status = JsonCodec.ReadString(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return result;
        }

        public void WriteJson(Utf8JsonWriter writer) => throw new NotSupportedException();
    }
}
