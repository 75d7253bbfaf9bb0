using System.Diagnostics;
using Flutterwave;
using Flutterwave.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Checkout;

/// <summary>
/// <c>dotnet run --project samples/Checkout</c>: a Flutterwave v4 checkout through the generated client, against the
/// embedded offline sandbox (no FLUTTERWAVE_* variables) or the server they name. Exit code 0 when every step did
/// what it should, 1 when one did not, 2 when the settings are unusable.
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        var settings = EnvironmentSettings.Read(Environment.GetEnvironmentVariable);
        if (settings.Error is not null)
        {
            await Console.Error.WriteLineAsync(settings.Error).ConfigureAwait(false);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var clock = Stopwatch.StartNew();
        using var transcript = new Transcript(Console.Out, interactive: !Console.IsOutputRedirected);
        transcript.Line("Flutterwave v4 checkout sample: the generated client, step by step");
        SandboxServer? sandbox = null;
        try
        {
            ServerConnection connection;
            if (settings.Connection is { } configured)
            {
                connection = configured;
                transcript.Line($"Server: {connection}, from the FLUTTERWAVE_* variables");
            }
            else
            {
                var sandboxOptions = new SandboxOptions();
                sandbox = await SandboxServer.StartAsync(sandboxOptions, cancel.Token).ConfigureAwait(false);
                connection = new ServerConnection
                {
                    BaseAddress = sandbox.BaseAddress,
                    TokenEndpoint = sandbox.TokenEndpoint,
                    ClientId = sandbox.ClientId,
                    ClientSecret = sandbox.ClientSecret,
                    EncryptionKey = sandbox.EncryptionKey,
                    OneTimeCode = sandboxOptions.Otp,
                    IsEmbeddedSandbox = true,
                };
                transcript.Line($"No FLUTTERWAVE_* variables set: started the embedded sandbox (offline, in-memory, test credentials) at {sandbox.BaseAddress}");
                transcript.Line($"To use another server, set {string.Join(", ", EnvironmentSettings.RequiredVariables)}.");
            }

            var exitCode = await RunCheckoutAsync(connection, transcript, clock, cancel.Token).ConfigureAwait(false);
            if (sandbox is not null && exitCode != 2)
            {
                var held = sandbox.Snapshot();
                transcript.Line(
                    $"The embedded sandbox holds {held.Customers.Count} customer(s), {held.PaymentMethods.Count} payment method(s), {held.Charges.Count} charge(s), " +
                    $"{held.Orders.Count} order(s), {held.VirtualAccounts.Count} virtual account(s), {held.Refunds.Count} refund(s), {held.Settlements.Count} settlement(s), " +
                    $"{held.TransferRecipients.Count} transfer recipient(s), {held.Transfers.Count} transfer(s) and {held.Wallets.Sum(w => w.Movements.Count)} wallet movement(s); " +
                    $"it issued {held.TokensIssued} access token(s). It stops now.");
            }

            return exitCode;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            transcript.Line("Cancelled.");
            return 1;
        }
        catch (Exception e) when (sandbox is null && settings.UseEmbeddedSandbox && e is IOException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"The embedded sandbox did not start: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunCheckoutAsync(ServerConnection connection, Transcript transcript, Stopwatch clock, CancellationToken cancellationToken)
    {
        var calls = new ApiCallCounter();
        var services = new ServiceCollection();
        services.AddFlutterwaveClient(o =>
            {
                o.BaseAddress = connection.BaseAddress;
                o.TokenEndpoint = connection.TokenEndpoint;
                o.ClientId = connection.ClientId;
                o.ClientSecret = connection.ClientSecret;
                o.EncryptionKey = connection.EncryptionKey;
            })
            .AddHttpMessageHandler(() => new ApiCallCountingHandler(calls, connection.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        FlutterwaveClient client;
        try
        {
            // The settings are validated here; the messages name the setting and never show a secret.
            client = provider.GetRequiredService<FlutterwaveClient>();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"The client's settings are not usable: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        using var flow = new CheckoutFlow(client, connection, transcript, calls);
        transcript.Line($"Run {flow.RunId}: references chk-{flow.RunId}-*, one idempotency key per POST");
        var outcomes = await flow.RunAsync(cancellationToken).ConfigureAwait(false);
        if (outcomes.Count > 0)
        {
            transcript.Summary(outcomes, clock.Elapsed, calls.Total);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            transcript.Line("Cancelled.");
            return 1;
        }

        return outcomes.All(o => o.Passed) ? 0 : 1;
    }
}
