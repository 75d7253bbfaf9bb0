using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Flutterwave.Sandbox;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>
/// The repository's main command end to end, as a package user would have it: samples/Checkout built in package mode
/// against the packed Flutterwave.Codegen (with its analyzers, warnings as errors), run against a sandbox in this
/// process through the FLUTTERWAVE_* variables. Every step must pass, the sandbox must hold what the steps made (the
/// checkout's objects, and the refund, settlement, payout and wallet movements that follow), and the output must hold no
/// card data, secret or key.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CheckoutSampleTests(PackedPackage package)
{
    // The sample's test card (samples/Checkout/TestCard.cs): what must never appear in its output.
    private const string Pan = "5531886652142950";
    private const string Cvv = "564";
    private const string Pin = "3310";

    // The supplier's account (samples/Checkout/TestSupplier.cs): the output shows its last four digits only.
    private const string SupplierAccount = "4400123456";

    private static readonly SemaphoreSlim BuildOnce = new(1, 1);
    private static (string Version, CommandResult Build, string Dll, string WorkDirectory)? s_build;

    [Fact]
    public async Task CheckoutSample_BuiltFromThePackage_PassesEveryStepAgainstTheSandbox_WithoutPrintingCardDataOrSecrets()
    {
        var (build, dll, work) = await BuildSampleAsync();
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());

        await using var sandbox = await SandboxServer.StartAsync();
        var run = await RunSampleAsync(work, dll, new Dictionary<string, string>
        {
            ["FLUTTERWAVE_BASE_URL"] = sandbox.BaseAddress.AbsoluteUri,
            ["FLUTTERWAVE_CLIENT_ID"] = sandbox.ClientId,
            ["FLUTTERWAVE_CLIENT_SECRET"] = sandbox.ClientSecret,
            ["FLUTTERWAVE_ENCRYPTION_KEY"] = sandbox.EncryptionKey,
        });

        // No secret may reach the output, so the output is safe to show when an assertion fails; this is checked first.
        AssertNoCardDataOrSecrets(run.Output, sandbox);
        Assert.True(run.Succeeded, run.ToString());
        var output = run.StandardOutput;
        Assert.DoesNotContain("embedded sandbox", output); // it talked to the server it was told to use
        foreach (var step in "abcdefghijkl".Select(c => c.ToString()))
        {
            Assert.Matches(new Regex($@"^\[{step}\] .+$", RegexOptions.Multiline), output);
            Assert.Matches(new Regex($@"^  {step}\. .+?  passed  ", RegexOptions.Multiline), output);
        }

        Assert.Contains("12 of 12 steps passed", output);
        Assert.Contains("charge.ThrowIfDeclined() threw FlutterwavePaymentDeclinedException", output);
        Assert.Contains("insufficient_funds", output);

        var runId = Regex.Match(output, @"^Run (?<id>[0-9a-f]{12}):", RegexOptions.Multiline).Groups["id"].Value;
        Assert.False(string.IsNullOrEmpty(runId), run.ToString());
        var held = sandbox.Snapshot();
        Assert.NotEmpty(held.Customers);
        Assert.NotEmpty(held.PaymentMethods);
        Assert.Equal("succeeded", Single(held.Charges, $"chk-{runId}-pin").Status);
        Assert.Equal("succeeded", Single(held.Charges, $"chk-{runId}-3ds").Status);
        Assert.Equal("failed", Single(held.Charges, $"chk-{runId}-dcl").Status);
        Assert.Equal("completed", Single(held.Orders, $"chk-{runId}-ord").Status);
        Assert.Equal("active", Single(held.VirtualAccounts, $"chk-{runId}-va").Status);
        Assert.Equal(3, held.Charges.Count);
        AssertMoneyAfterTheSale(output, runId, held);

        // Every id the output shows is one the sandbox holds.
        var known = held.Customers.Concat(held.PaymentMethods).Concat(held.Charges).Concat(held.Orders).Concat(held.VirtualAccounts)
            .Concat(held.TransferRecipients).Concat(held.TransferSenders).Concat(held.TransferRates).Select(r => r.Id)
            .Concat(held.Refunds.Select(r => r.Id)).Concat(held.Settlements.Select(s => s.Id)).Concat(held.Transfers.Select(t => t.Id))
            .ToHashSet();
        foreach (var id in Regex.Matches(output, @"\b(?:cus|pmd|chg|ord|van|ref|stm|rcb|sdr|rte|trf)_[A-Za-z0-9]+\b").Select(m => m.Value).Distinct())
        {
            Assert.True(known.Contains(id), $"the output names {id}, which the sandbox does not hold");
        }
    }

    /// <summary>
    /// Steps h to l as the sandbox saw them: one refund of NGN 1,000 on the PIN charge, deducted from the one settlement
    /// of the run's two paid charges; one successful NGN to USD payout to a saved recipient; and an NGN wallet that moved
    /// by exactly that settlement, payout and fee, as the output says.
    /// </summary>
    private static void AssertMoneyAfterTheSale(string output, string runId, SandboxSnapshot held)
    {
        var pinCharge = Single(held.Charges, $"chk-{runId}-pin");
        var secureCharge = Single(held.Charges, $"chk-{runId}-3ds");

        var refund = Assert.Single(held.Refunds);
        Assert.Equal(pinCharge.Id, refund.ChargeId);
        Assert.Equal(("NGN", 1000m, "succeeded"), (refund.Currency, refund.Amount, refund.Status));
        Assert.Contains("refunded: true", output);
        Assert.Contains("NGN 1,000.00 refunded, NGN 1,500.00 of NGN 2,500.00 left to refund", output);

        var settlement = Assert.Single(held.Settlements);
        Assert.Equal("NGN", settlement.Currency);
        Assert.Equal(new[] { pinCharge.Id, secureCharge.Id }.Order(), settlement.ChargeIds.Order());
        Assert.Equal(6700m, settlement.Gross);
        Assert.Equal(settlement.Id, refund.SettlementId);
        Assert.True(settlement.Net < settlement.Gross - refund.Amount, "the settlement deducted no fees");
        Assert.Contains($"net {Naira(settlement.Net)} to the wallet", output);

        Assert.Single(held.TransferRecipients);
        Assert.Single(held.TransferSenders);
        Assert.Equal("active", Assert.Single(held.TransferRates).Status);
        var transfer = Assert.Single(held.Transfers);
        Assert.Equal(
            ($"chk-{runId}-pay", "SUCCESSFUL", "SUCCESSFUL", "instant", "NGN", false),
            (transfer.Reference, transfer.Status, transfer.Outcome, transfer.Action, transfer.SourceCurrency, transfer.Reversed));
        Assert.Contains("held by Sandbox Account Holder", output);
        Assert.Contains("as quoted", output);
        Assert.Contains($"SUCCESSFUL: USD 120.00 for {Naira(transfer.Debited)}", output);

        // The NGN wallet: the opening balance, then the settlement in, the payout and its fee out; nothing else.
        var wallet = held.Wallets.Single(w => w.Currency == "NGN");
        var moves = wallet.Movements;
        Assert.Equal(["funding", "settlement", "transfer", "fee"], moves.Select(m => m.Type));
        Assert.Equal((settlement.Net, settlement.Id), (moves[1].Amount, moves[1].SourceId));
        Assert.Equal((transfer.Id, transfer.Id), (moves[2].SourceId, moves[3].SourceId));
        Assert.Equal(transfer.Debited, moves[2].Amount + moves[3].Amount);
        Assert.Equal(moves[0].Amount + settlement.Net - transfer.Debited, wallet.Balance);
        Assert.All(held.Wallets.Where(w => w.Currency != "NGN"), w => Assert.Equal("funding", Assert.Single(w.Movements).Type));
        Assert.Contains($"{Naira(moves[0].Amount)} -> {Naira(wallet.Balance)}: -{Naira(moves[0].Amount - wallet.Balance)}, which is", output);
        Assert.Contains($"+{Naira(settlement.Net)} settled: charges of NGN 6,700.00 less ", output);
        Assert.Contains($"-{Naira(moves[2].Amount)} paid to the supplier (USD 120.00) and -{Naira(moves[3].Amount)} transfer fee ({transfer.Id})", output);
        Assert.Matches(new Regex(@"^    <- 3 movement\(s\) since h ", RegexOptions.Multiline), output);
    }

    private static string Naira(decimal amount) => "NGN " + amount.ToString("N2", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CheckoutSample_WithSomeVariablesMissing_Exits2_NamingThem_WithoutShowingValues()
    {
        var (build, dll, work) = await BuildSampleAsync();
        Assert.True(build.Succeeded, build.ToString());
        const string secret = "partial-config-secret-Qz81";

        var run = await RunSampleAsync(work, dll, new Dictionary<string, string>
        {
            ["FLUTTERWAVE_CLIENT_ID"] = "some-client",
            ["FLUTTERWAVE_CLIENT_SECRET"] = secret,
        });

        Assert.False(run.Output.Contains(secret, StringComparison.Ordinal), "the output shows the client secret's value");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FLUTTERWAVE_ENCRYPTION_KEY", run.Output);
        Assert.Contains("FLUTTERWAVE_BASE_URL", run.Output);
        Assert.DoesNotContain("[a]", run.StandardOutput); // no step ran
    }

    private static SandboxRecord Single(IReadOnlyList<SandboxRecord> records, string reference)
    {
        var matches = records.Where(r => r.Reference == reference).ToList();
        Assert.True(matches.Count == 1, $"expected one object with reference {reference}, found {matches.Count}");
        return matches[0];
    }

    private static void AssertNoCardDataOrSecrets(string output, SandboxServer sandbox)
    {
        var found = new List<string>();
        var longValues = new (string Name, string Value)[]
        {
            ("the card number", Pan),
            ("the card number, spaced", "5531 8866 5214 2950"),
            ("the card's first six digits", Pan[..6]),
            ("the expiry", "09/32"),
            ("the client secret", sandbox.ClientSecret),
            ("the encryption key", sandbox.EncryptionKey),
            ("an access token", "access_token"),
            ("an Authorization header", "Bearer "),
            ("the supplier's full account number", SupplierAccount),
        };
        found.AddRange(longValues.Where(v => output.Contains(v.Value, StringComparison.Ordinal)).Select(v => v.Name));
        // A CVV or PIN is a few digits: it counts when it stands on its own (not inside an id, an amount, a port or a
        // duration such as "564 ms").
        foreach (var (name, value) in new[] { ("the CVV", Cvv), ("the PIN", Pin) })
        {
            if (Regex.IsMatch(output, $"(?<![0-9A-Za-z.,:_-]){value}(?![0-9A-Za-z.,_-]| ?ms\\b)"))
            {
                found.Add(name);
            }
        }

        // Only the names of what leaked: the values must not reach the test log either.
        Assert.True(found.Count == 0, "The sample's output contains " + string.Join(", ", found));
    }

    private static Task<CommandResult> RunSampleAsync(string work, string dll, IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>
        {
            // Whatever the machine has set must not leak into the run: an empty value counts as not set.
            ["FLUTTERWAVE_BASE_URL"] = string.Empty,
            ["FLUTTERWAVE_CLIENT_ID"] = string.Empty,
            ["FLUTTERWAVE_CLIENT_SECRET"] = string.Empty,
            ["FLUTTERWAVE_ENCRYPTION_KEY"] = string.Empty,
            ["FLUTTERWAVE_TOKEN_URL"] = string.Empty,
            ["FLUTTERWAVE_TEST_OTP"] = string.Empty,
            // The sample talks to a loopback server only: never through a proxy a machine may set.
            ["NO_PROXY"] = "127.0.0.1,localhost",
            ["no_proxy"] = "127.0.0.1,localhost",
        };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return DotNetCli.RunAsync(work, [dll], TimeSpan.FromMinutes(3), environment);
    }

    /// <summary>
    /// Builds samples/Checkout once per packed version, in package mode, with every output (restore, obj, bin, the
    /// sandbox's too) under this run's temporary folder: the repository's samples/Checkout is left as it was.
    /// </summary>
    private async Task<(CommandResult Build, string Dll, string WorkDirectory)> BuildSampleAsync()
    {
        package.RequirePackage();
        await BuildOnce.WaitAsync();
        try
        {
            if (s_build is { } cached && cached.Version == package.Version)
            {
                return (cached.Build, cached.Dll, cached.WorkDirectory);
            }

            var sample = Path.Combine(package.RepoRoot, "samples", "Checkout");
            var before = FilesUnder(sample);
            var work = Directory.CreateDirectory(Path.Combine(package.RunDirectory, "checkout-sample")).FullName;
            var artifacts = Path.Combine(work, "artifacts");
            var build = await DotNetCli.RunAsync(work,
            [
                "build", Path.Combine(sample, "Checkout.csproj"),
                "-c", "Release",
                $"-p:FlutterwaveCodegenVersion={package.Version}",
                "--artifacts-path", artifacts,
                $"-p:RestorePackagesPath={package.PackagesDirectory}",
                $"-p:RestoreAdditionalProjectSources={package.FeedDirectory}",
                "-tl:off",
                "-nodeReuse:false",
            ]);

            var dll = Path.Combine(artifacts, "bin", "Checkout", "release", "Checkout.dll");
            if (build.Succeeded)
            {
                Assert.True(File.Exists(dll), $"The build wrote no {dll}:\n{build}");
                AssertBuiltFromThePackage(Path.Combine(artifacts, "obj", "Checkout", "project.assets.json"));
                var after = FilesUnder(sample);
                Assert.True(before.SetEquals(after), "Building in package mode changed files under samples/Checkout: " +
                    string.Join(", ", after.Except(before).Concat(before.Except(after)).Select(f => f.Path).Distinct()));
            }

            s_build = (package.Version, build, dll, work);
            return (build, dll, work);
        }
        finally
        {
            BuildOnce.Release();
        }
    }

    private void AssertBuiltFromThePackage(string assetsPath)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains($"{PackedPackage.PackageId}/{package.Version}", libraries);
        var projects = assets.RootElement.GetProperty("project").GetProperty("restore").GetProperty("frameworks")
            .EnumerateObject().SelectMany(f => f.Value.TryGetProperty("projectReferences", out var refs) ? refs.EnumerateObject().Select(r => Path.GetFileName(r.Name)) : Enumerable.Empty<string>())
            .ToList();
        Assert.Equal(["Flutterwave.Sandbox.csproj"], projects);
    }

    private static HashSet<(string Path, DateTime Written)> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => (f, File.GetLastWriteTimeUtc(f)))
            .ToHashSet();
}
