using Flutterwave.Runtime.Configuration;
using Flutterwave.Runtime.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Flutterwave.Runtime.Tests;

public sealed class ConfigurationTests
{
    private static readonly string GoodKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Validation_ListsEveryProblem_NamingTheSetting_NeverASecret()
    {
        var options = new FlutterwaveOptions
        {
            ClientSecret = "hunter2-secret",
            EncryptionKey = Convert.ToBase64String(new byte[16]),
            MaxRetries = -1,
            Timeout = TimeSpan.Zero,
        };

        var failures = ApiClientOptionsValidator.Check(TestApi.OAuthDescription(), options);
        var text = string.Join("\n", failures);

        Assert.Contains("ClientId is not set", text);
        Assert.Contains("EncryptionKey is unusable", text);
        Assert.Contains("16 bytes", text);
        Assert.Contains("MaxRetries", text);
        Assert.Contains("Timeout", text);
        Assert.Contains("TokenEndpoint is not set", text);
        Assert.DoesNotContain("hunter2-secret", text);
        Assert.DoesNotContain(options.EncryptionKey, text);
    }

    [Fact]
    public void Validation_NoCredentials_SaysWhatTheApiAccepts()
    {
        var description = new ApiDescription("OrchestraClient", new Uri("https://api.example.test"), new[]
        {
            new ApiSecurityScheme("key", ApiSecuritySchemeKind.ApiKeyHeader, "X-Api-Key"),
        });

        var failures = ApiClientOptionsValidator.Check(description, new FlutterwaveOptions());

        Assert.Equal("OrchestraClient: no credentials are set. The API accepts: an API key in the X-Api-Key header (set ApiKey).", Assert.Single(failures));
    }

    [Fact]
    public void Validation_AcceptsAGoodConfiguration_AndTheSpecsTokenUrlAsDefault()
    {
        var options = new FlutterwaveOptions { ClientId = "id", ClientSecret = "secret", EncryptionKey = GoodKey };

        Assert.Empty(ApiClientOptionsValidator.Check(TestApi.OAuthDescription(new Uri("https://idp.example.test/token")), options));
    }

    [Fact]
    public void CreateTransport_RefusesInvalidOptions()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            ApiClientFactory.CreateTransport(TestApi.OAuthDescription(), new FlutterwaveOptions { EncryptionKey = "not base64!" }));

        Assert.Contains(error.Failures, f => f.Contains("EncryptionKey is unusable", StringComparison.Ordinal));
        Assert.DoesNotContain("not base64!", error.Message);
    }

    [Fact]
    public void Binder_ReadsEveryKey_AndNamesTheKeyOnBadValues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Flutterwave:BaseAddress"] = "https://api.example.test/v4",
            ["Flutterwave:TokenEndpoint"] = "https://idp.example.test/token",
            ["Flutterwave:ClientId"] = "id-1",
            ["Flutterwave:ClientSecret"] = "secret-1",
            ["Flutterwave:EncryptionKey"] = GoodKey,
            ["Flutterwave:ApiKey"] = "api-1",
            ["Flutterwave:AccessToken"] = "token-1",
            ["Flutterwave:MaxRetries"] = "4",
            ["Flutterwave:Timeout"] = "00:00:10",
            ["Flutterwave:MaxRetryAfter"] = "00:00:05",
            ["Flutterwave:RetryBaseDelay"] = "00:00:00.250",
            ["Bad:MaxRetries"] = "many",
        }).Build();
        var options = new FlutterwaveOptions();

        ApiClientOptionsBinder.Bind(configuration.GetSection("Flutterwave"), options);

        Assert.Equal(new Uri("https://api.example.test/v4"), options.BaseAddress);
        Assert.Equal(new Uri("https://idp.example.test/token"), options.TokenEndpoint);
        Assert.Equal(("id-1", "secret-1", GoodKey, "api-1", "token-1"), (options.ClientId, options.ClientSecret, options.EncryptionKey, options.ApiKey, options.AccessToken));
        Assert.Equal(4, options.MaxRetries);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250)), (options.Timeout, options.MaxRetryAfter, options.RetryBaseDelay));
        var error = Assert.Throws<FormatException>(() => ApiClientOptionsBinder.Bind(configuration.GetSection("Bad"), new FlutterwaveOptions()));
        Assert.Contains("'Bad:MaxRetries'", error.Message);
    }
}
