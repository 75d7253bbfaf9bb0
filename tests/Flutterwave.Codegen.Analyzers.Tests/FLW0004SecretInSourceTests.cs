using System.Threading.Tasks;
using Xunit;
using V = Flutterwave.Codegen.Analyzers.Tests.Infrastructure.Verify<Flutterwave.Codegen.Analyzers.Rules.SecretInSourceAnalyzer>;

namespace Flutterwave.Codegen.Analyzers.Tests;

public sealed class FLW0004SecretInSourceTests
{
    [Fact]
    public async Task LiteralSecretsInOptionsAndConfiguration_Diagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Flutterwave.Runtime;
            class C
            {
                void M(IDictionary<string, string?> config)
                {
                    var options = new FlutterwaveOptions { ClientId = "client-id", ClientSecret = {|#0:"not-a-real-secret"|} };
                    options.EncryptionKey = {|#1:"bm90LWEtcmVhbC1rZXk="|};
                    config["Flutterwave:ApiKey"] = {|#2:"not-a-real-key"|};
                    var settings = new Dictionary<string, string?> { ["Flutterwave:ClientSecret"] = {|#3:"x1"|} };
                    var more = new Dictionary<string, string?> { { "Flutterwave:AccessToken", {|#4:"x2"|} } };
                    Environment.SetEnvironmentVariable("Flutterwave__EncryptionKey", {|#5:"x3"|});
                    _ = new KeyValuePair<string, string?>("ClientSecret", {|#6:"x4"|});
                }
            }
            """;

        await V.AnalyzerAsync(source,
            V.Diagnostic().WithLocation(0).WithArguments("ClientSecret"),
            V.Diagnostic().WithLocation(1).WithArguments("EncryptionKey"),
            V.Diagnostic().WithLocation(2).WithArguments("ApiKey"),
            V.Diagnostic().WithLocation(3).WithArguments("ClientSecret"),
            V.Diagnostic().WithLocation(4).WithArguments("AccessToken"),
            V.Diagnostic().WithLocation(5).WithArguments("EncryptionKey"),
            V.Diagnostic().WithLocation(6).WithArguments("ClientSecret"));
    }

    [Fact]
    public async Task SecretsFromConfiguration_Placeholders_AndOtherSettings_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Flutterwave.Runtime;
            class C
            {
                void M(IDictionary<string, string?> config)
                {
                    var options = new FlutterwaveOptions
                    {
                        ClientId = "client-id",
                        ClientSecret = Environment.GetEnvironmentVariable("FLW_CLIENT_SECRET"),
                        EncryptionKey = config["Flutterwave:EncryptionKey"],
                        ApiKey = "",
                    };
                    config["Flutterwave:ClientId"] = "client-id";
                    config["Flutterwave:BaseAddress"] = "https://example.test/";
                    var lookup = config["Flutterwave:ClientSecret"];
                }
            }
            """;

        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task TestProject_NoDiagnostic()
    {
        const string source = """
            using Flutterwave.Runtime;
            class Fixture
            {
                [Xunit.Fact]
                public void M() => _ = new FlutterwaveOptions { ClientSecret = "test-secret" };
            }
            """;

        await V.AnalyzerAsync(source, new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location) });
    }
}
