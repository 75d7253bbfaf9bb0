using System;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// Direct charges through the generated client, built the way an application builds it:
/// <c>services.AddFlutterwaveClient(...)</c> with default options (retries, attempt timeout, OAuth2 token cache, card
/// encryption), one <see cref="ServiceProvider"/> and one resolved <see cref="Flutterwave.FlutterwaveClient"/> for the
/// whole run.
/// </summary>
internal sealed class GeneratedDirectCharges : IDirectChargeSender, IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Flutterwave.FlutterwaveClient _client;

    private GeneratedDirectCharges(ServiceProvider provider)
    {
        _provider = provider;
        _client = provider.GetRequiredService<Flutterwave.FlutterwaveClient>();
    }

    /// <summary>Wires a client to <paramref name="sandbox"/>; nothing is sent yet (the token is fetched by the first call).</summary>
    public static GeneratedDirectCharges Create(SandboxServer sandbox)
    {
        var services = new ServiceCollection();
        services.AddFlutterwaveClient(o =>
        {
            o.BaseAddress = sandbox.BaseAddress;
            o.TokenEndpoint = sandbox.TokenEndpoint;
            o.ClientId = sandbox.ClientId;
            o.ClientSecret = sandbox.ClientSecret;
            o.EncryptionKey = sandbox.EncryptionKey;
        });
        return new GeneratedDirectCharges(services.BuildServiceProvider());
    }

    /// <summary>The request object a caller builds for one charge (plaintext card; the client encrypts it on the way).</summary>
    public static Flutterwave.ChargeRequest NewRequest(string reference) => new()
    {
        Amount = SandboxLoadCard.Amount,
        Currency = Flutterwave.Currency.NGN,
        Reference = reference,
        Customer = new Flutterwave.CustomerRequest { Email = SandboxLoadCard.Email },
        PaymentMethod = new Flutterwave.PaymentMethodRequest
        {
            Type = "card",
            Card = new Flutterwave.Card
            {
                CardNumber = SandboxLoadCard.CardNumber,
                ExpiryMonth = SandboxLoadCard.ExpiryMonth,
                ExpiryYear = SandboxLoadCard.ExpiryYear,
                Cvv = SandboxLoadCard.Cvv,
                CardHolderName = SandboxLoadCard.HolderName,
            },
        },
    };

    /// <inheritdoc />
    public async Task<string> ChargeAsync(string reference, CancellationToken cancellationToken = default)
    {
        var charge = await _client.Orchestration.InitiateOrchestratorChargeAsync(NewRequest(reference), options: null, cancellationToken).ConfigureAwait(false);
        return charge.Status.ToString();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
