namespace Flutterwave.Runtime.Tests;

public sealed class FlutterwaveOptionsTests
{
    [Fact]
    public void ToString_ShowsWhichSecretsAreSet_NeverTheirValues()
    {
        var options = new FlutterwaveOptions
        {
            ClientId = "client-123",
            ClientSecret = "very-secret-value",
            EncryptionKey = Convert.ToBase64String(new byte[32]),
            ApiKey = "api-key-value",
        };

        var text = options.ToString();

        Assert.Contains("client-123", text);
        Assert.DoesNotContain("very-secret-value", text);
        Assert.DoesNotContain(options.EncryptionKey, text);
        Assert.DoesNotContain("api-key-value", text);
        Assert.Contains("ClientSecret = (set)", text);
        Assert.Contains("AccessToken = (not set)", text);
    }
}
