using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Flutterwave.Codegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// The analyzers' workload: a consumer of the bundled spec's generated client with <see cref="FileCount"/> C# files,
/// each a service that calls the client heavily (charges, customers, paging, logging, per-call options), plus the
/// generated sources themselves. References are the running .NET's assemblies, the runtime and its Microsoft.Extensions and Polly dependencies.
/// </summary>
internal sealed class AnalyzerWorkload
{
    public const int FileCount = 500;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private AnalyzerWorkload(CSharpCompilation compilation, int generatedFiles)
    {
        Compilation = compilation;
        GeneratedFiles = generatedFiles;
    }

    /// <summary>The whole consumer compilation (parsed once; each measurement works on a <see cref="Compilation.Clone"/>).</summary>
    public CSharpCompilation Compilation { get; }

    public int GeneratedFiles { get; }

    /// <summary>A fresh instance of every FLW00xx analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new CardDataLoggingAnalyzer(), new SpecConstraintAnalyzer(), new IdempotencyKeyAnalyzer(), new SecretInSourceAnalyzer(),
        new HeaderValueAnalyzer(), new ClockReferenceAnalyzer(), new CardConstantAnalyzer(), new IdempotencyKeyNotTakenAnalyzer());

    public static AnalyzerWorkload Create()
    {
        var spec = Paths.Spec(Paths.Bundled);
        var empty = CSharpCompilation.Create("Consumer", Array.Empty<SyntaxTree>(), References(), Options());
        var driver = GeneratorRunner.CreateDriver(spec.Path, File.ReadAllText(spec.Path), spec.Namespace, spec.ClientName).RunGenerators(empty, CancellationToken.None);
        var generated = GeneratorRunner.CheckProducedSources(driver, "bundled spec").GeneratedSources;

        var trees = new List<SyntaxTree>();
        trees.AddRange(generated.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, ParseOptions, path: "Generated/" + s.HintName)));
        for (var i = 0; i < FileCount; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ConsumerFile(i), ParseOptions, path: $"Services/CheckoutService{i}.cs"));
        }

        var compilation = empty.AddSyntaxTrees(trees);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark consumer does not compile:\n" + string.Join("\n", errors));
        }

        return new AnalyzerWorkload(compilation, generated.Length);
    }

    /// <summary>
    /// Writes the workload's service files into <paramref name="directory"/>, for a real project build of the same code
    /// against the packed package (<c>dotnet build -p:ReportAnalyzer=true</c>; see benchmarks/README.md).
    /// </summary>
    public static void WriteConsumerFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < FileCount; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"CheckoutService{i}.cs"), ConsumerFile(i));
        }
    }

    private static CSharpCompilationOptions Options() =>
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release);

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return platform
            // Microsoft.Extensions.* too: the shared ASP.NET Core framework (the in-process sandbox) supplies them when
            // it is newer than the runtime's package floors, and then they are not copied next to the runtime.
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Flutterwave.Runtime.RequestOptions).Assembly.Location)
            .Concat(Directory.EnumerateFiles(Path.GetDirectoryName(typeof(Flutterwave.Runtime.RequestOptions).Assembly.Location)!, "Microsoft.Extensions.*.dll"))
            .Concat(Directory.EnumerateFiles(Path.GetDirectoryName(typeof(Flutterwave.Runtime.RequestOptions).Assembly.Location)!, "Polly*.dll"))
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }

    // Clean code (no diagnostics): the analyzers do all their matching work and report nothing, as in a healthy project.
    private static string ConsumerFile(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Flutterwave;
        using Flutterwave.Runtime;
        using Microsoft.Extensions.Logging;

        namespace Consumer.Feature{{i}};

        public sealed class CheckoutService{{i}}
        {
            private readonly FlutterwaveClient _client;
            private readonly ILogger _logger;

            public CheckoutService{{i}}(FlutterwaveClient client, ILogger logger)
            {
                _client = client;
                _logger = logger;
            }

            public async Task<Charge> ChargeAsync(string orderId, decimal amount, CancellationToken cancellationToken)
            {
                var request = new ChargeRequest { Amount = amount, Currency = "NGN", Reference = $"ord-{orderId}-{{i}}" };
                _logger.LogInformation("Charging order {OrderId} for {Amount}", orderId, amount);
                var options = new RequestOptions { IdempotencyKey = "order" + orderId, TraceId = Guid.NewGuid().ToString("N") };
                var charge = await _client.Charges.CreateChargeAsync(request, options, cancellationToken);
                _logger.LogInformation("Charge {Id} for order {OrderId}: {Status}", charge.Id, orderId, charge.Status);
                Console.WriteLine($"charged {charge.Id} {charge.Amount} {charge.Currency}");
                return charge;
            }

            public async Task<Customer> CustomerAsync(string email, CancellationToken cancellationToken)
            {
                var customer = await _client.Customers.CreateCustomerAsync(
                    new CustomerRequest { Email = email },
                    new RequestOptions { IdempotencyKey = "customer" + email.Length.ToString("D8") + "{{i:D6}}" },
                    cancellationToken);
                _logger.LogDebug("Customer {Id}", customer.Id);
                return customer;
            }

            public async Task<int> CountChargesAsync(CancellationToken cancellationToken)
            {
                var page = await _client.Charges.ListChargesAsync(cancellationToken: cancellationToken);
                var total = 0;
                foreach (var charge in page.Items)
                {
                    total += charge.Reference.Length > 6 ? 1 : 0;
                    if (charge.Status.ToString() == "succeeded")
                    {
                        _logger.LogTrace("Charge {Reference} succeeded", charge.Reference);
                    }
                }

                return total;
            }

            public Task<Charge> GetAsync(string id, CancellationToken cancellationToken) =>
                _client.Charges.GetChargeAsync(id, new RequestOptions { TraceId = "trace{{i:D10}}" }, cancellationToken);

            public static Dictionary<string, string> Describe(Charge charge) => new()
            {
                ["id"] = charge.Id,
                ["reference"] = charge.Reference,
                ["amount"] = charge.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        """;
}
