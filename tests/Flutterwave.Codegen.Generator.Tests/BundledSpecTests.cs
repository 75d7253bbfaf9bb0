using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Flutterwave.Codegen.Tests;

public sealed class BundledSpecTests
{
    [Fact]
    public void BundledSpec_ParsesWithMicrosoftOpenApi_WithNoErrorsOrWarnings()
    {
        var spec = GeneratorHarness.BundledSpec();
        var root = Reading.SpecDocumentReader.Read(spec.Path, spec.Text!, out var error, out _);
        Assert.Null(error);

        var result = OpenApiDocument.Parse(root!.ToJsonString(), "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        Assert.Equal(56, result.Document!.Paths.Sum(p => p.Value.Operations!.Count));
    }

    [Fact]
    public void BundledSpec_GeneratedCode_CompilesWithNoDiagnosticsUnderNullableAndWarningsAsErrors()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() });

        Assert.Empty(run.GeneratorDiagnostics);
        // The harness compiles with nullable enabled; every warning counts, as with TreatWarningsAsErrors.
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Contains("Flutterwave.FlutterwaveClient.g.cs", run.HintNames);
    }

    [Fact]
    public void BundledSpec_RootClient_HasOnePropertyPerTag_AndOperationMethodsByOperationId()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() });
        var client = run.Output.GetTypeByMetadataName("Flutterwave.FlutterwaveClient")!;

        var groups = client.GetMembers().OfType<IPropertySymbol>().Where(p => p.Type.Name.EndsWith("Client")).Select(p => p.Name).ToList();
        Assert.Equal(
            new[]
            {
                "Customers", "Charges", "PaymentMethods", "Orchestration", "Orders", "VirtualAccounts",
                "Refunds", "Chargebacks", "Settlements", "Fees", "Banks", "MobileNetworks",
                "TransferRecipients", "TransferSenders", "TransferRates", "Transfers", "DirectTransfers", "Wallets",
            },
            groups);

        string[] Methods(string type) => run.Output.GetTypeByMetadataName("Flutterwave." + type)!.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name).ToArray();
        Assert.Contains("CreateCustomerAsync", Methods("CustomersClient"));
        Assert.Contains("InitiateOrchestratorChargeAsync", Methods("OrchestrationClient"));
        Assert.Contains("UpdateOrderAsync", Methods("OrdersClient"));
        Assert.Contains("CreateRefundAsync", Methods("RefundsClient"));
        Assert.Contains("RetryTransferAsync", Methods("TransfersClient"));
        Assert.Contains("DeleteTransferRecipientAsync", Methods("TransferRecipientsClient"));
        Assert.Contains("GetWalletStatementAsync", Methods("WalletsClient"));

        var create = run.Output.GetTypeByMetadataName("Flutterwave.CustomersClient")!.GetMembers("CreateCustomerAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(new[] { "body", "options", "cancellationToken" }, create.Parameters.Select(p => p.Name));
        Assert.Equal("Flutterwave.Customer", ((INamedTypeSymbol)create.ReturnType).TypeArguments.Single().ToDisplayString());
        Assert.True(create.Parameters[1].IsOptional);
        Assert.True(create.Parameters[2].IsOptional);
    }
}
