using System.Collections.Generic;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>
/// The analyzers as a user meets them: a consumer of the packed package with one mistake per rule sees each FLW00xx
/// warning with its id on the right line of <c>dotnet build</c>; a consumer without the mistakes sees none.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class AnalyzerConsumerTests(PackedPackage package)
{
    private static readonly Regex Warning = new(@"Program\.cs\((?<line>\d+),\d+\): warning (?<id>FLW\d{4}):", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("analyzers/dotnet/cs/Flutterwave.Codegen.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/Flutterwave.Codegen.Analyzers.CodeFixes.dll")]
    public void Package_ContainsTheAnalyzers(string entry)
    {
        using var archive = ZipFile.OpenRead(package.RequirePackage());
        Assert.Contains(entry, archive.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task OneMistakePerRule_EachWarningAppearsWithItsIdAndLine()
    {
        var workspace = package.CreateWorkspace("analyzers-violations");
        const string program = """
            using Flutterwave;
            using Flutterwave.Runtime;

            var details = new CardDetails();
            Console.WriteLine(details.ExpiryMonth);
            var request = new ChargeRequest { Amount = 10m, Currency = "NGN", Reference = "order_12345" };
            var client = new FlutterwaveClient(new HttpClient());
            if (args.Length > 99) { await client.Charges.CreateChargeAsync(request); }
            var options = new FlutterwaveOptions { ClientSecret = "not-a-real-secret" };
            var call = new RequestOptions { TraceId = "trace id" };
            request.Reference = DateTime.UtcNow.Ticks.ToString();
            details.ExpiryYear = "20";
            if (args.Length > 99) { await client.Charges.ListChargesAsync(options: new RequestOptions { IdempotencyKey = "list0000000001" }); }
            Console.WriteLine(options.ClientId + call.ScenarioKey);
            """;
        var project = workspace.WriteProject("AnalyzerViolations", program, properties: "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>");

        var build = await workspace.BuildAsync(project);

        Assert.True(build.Succeeded, build.ToString());
        var found = Warning.Matches(build.Output).Select(m => (m.Groups["id"].Value, int.Parse(m.Groups["line"].Value))).ToHashSet();
        var expected = new HashSet<(string, int)>
        {
            ("FLW0001", 5), ("FLW0002", 6), ("FLW0003", 8), ("FLW0004", 9), ("FLW0005", 10), ("FLW0006", 11), ("FLW0007", 12), ("FLW0008", 13),
        };
        Assert.True(expected.SetEquals(found), $"Expected {string.Join(", ", expected.Order())}; found {string.Join(", ", found.Order())}\n{build}");
    }

    [Fact]
    public async Task CleanConsumer_NoWarnings()
    {
        var workspace = package.CreateWorkspace("analyzers-clean");
        const string program = """
            using Flutterwave;
            using Flutterwave.Runtime;
            using Flutterwave.Runtime.Annotations;

            var details = new CardDetails();
            Console.WriteLine(CardDataMask.Mask(details.ExpiryMonth));
            var request = new ChargeRequest { Amount = 10m, Currency = "NGN", Reference = "order-12345" };
            var client = new FlutterwaveClient(new HttpClient());
            if (args.Length > 99) { await client.Charges.CreateChargeAsync(request, new RequestOptions { IdempotencyKey = "order12345abcdef" }); }
            var options = new FlutterwaveOptions { ClientSecret = Environment.GetEnvironmentVariable("FLW_CLIENT_SECRET") };
            var call = new RequestOptions { TraceId = "trace0123456789" };
            request.Reference = "ord-" + Guid.NewGuid().ToString("N");
            details.ExpiryYear = "32";
            Console.WriteLine(options.ClientId + call.TraceId);
            """;
        var project = workspace.WriteProject("AnalyzerClean", program);

        var build = await workspace.BuildAsync(project);

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());
        Assert.DoesNotMatch(Warning, build.Output);
    }
}
