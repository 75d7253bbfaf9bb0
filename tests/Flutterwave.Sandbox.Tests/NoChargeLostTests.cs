using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>
/// 200 direct charges while the sandbox drops 20% of responses after committing them and answers 503 to 10% more.
/// The client retries (same idempotency key on every attempt); a call that still ends in a typed transient error is
/// driven again by the caller with the same key, as the exception's message advises. Afterwards the sandbox must hold
/// exactly one charge per reference: none lost, none doubled.
/// </summary>
public sealed class NoChargeLostTests
{
    private const int Charges = 200;

    [Fact]
    public async Task TwoHundredCharges_UnderDropsAnd503s_EndAsExactlyOneChargePerReference()
    {
        var options = new SandboxOptions();
        await using var s = await SandboxClient.StartAsync(options, o => o.MaxRetries = 3);
        await s.Client.Customers.ListCustomersAsync(); // token and connection first, before the dice roll
        s.Server.ConfigureFaults(f =>
        {
            f.DropAfterCommitRate = 0.20;
            f.ServerErrorRate = 0.10;
            f.Seed = 4242;
        });

        var references = Enumerable.Range(0, Charges).Select(i => $"nolost-{i:D4}-{Guid.NewGuid():N}"[..40]).ToArray();
        var results = new ConcurrentDictionary<string, Charge>(StringComparer.Ordinal);
        var typedErrors = new ConcurrentBag<string>();
        var untyped = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(16);

        await Task.WhenAll(references.Select(async reference =>
        {
            await gate.WaitAsync();
            try
            {
                var key = "idem-" + reference; // one key per business operation, reused on every re-drive
                for (var round = 0; round < 10 && !results.ContainsKey(reference); round++)
                {
                    try
                    {
                        var charge = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(
                            TestCards.DirectCharge(reference), new RequestOptions { IdempotencyKey = key });
                        results[reference] = charge;
                    }
                    catch (ApiException e) when (e is ApiNetworkException or ApiServerException)
                    {
                        typedErrors.Add(e.GetType().Name);
                    }
                    catch (ApiException e)
                    {
                        // Any other API error (a 409 would mean the key did not protect the retry) is final and wrong here.
                        untyped.Add("final " + e.GetType().Name + " " + e.ErrorType);
                        return;
                    }
                    catch (Exception e)
                    {
                        untyped.Add(e.GetType().Name);
                        return;
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var snapshot = s.Server.Snapshot();
        Assert.Empty(untyped);
        Assert.Equal(Charges, results.Count);
        Assert.Equal(Charges, snapshot.Charges.Count);
        Assert.Equal(references.OrderBy(r => r, StringComparer.Ordinal), snapshot.Charges.Select(c => c.Reference!).OrderBy(r => r, StringComparer.Ordinal));
        Assert.Equal(Charges, snapshot.Charges.Select(c => c.Id).Distinct().Count());
        Assert.All(results, pair => Assert.Equal(pair.Key, pair.Value.Reference));
        Assert.Equal(results.Values.Select(c => c.Id).OrderBy(i => i, StringComparer.Ordinal), snapshot.Charges.Select(c => c.Id).OrderBy(i => i, StringComparer.Ordinal));

        // The faults really happened, and replays are what saved the dropped ones.
        Assert.True(snapshot.InjectedDrops >= 20, $"only {snapshot.InjectedDrops} drops were injected");
        Assert.True(snapshot.InjectedServerErrors >= 10, $"only {snapshot.InjectedServerErrors} 503s were injected");
        Assert.True(snapshot.IdempotentReplays > 0, "no response was replayed");
    }
}
