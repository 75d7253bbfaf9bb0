namespace Flutterwave.Sandbox;

/// <summary>The standalone sandbox: <c>dotnet run --project sandbox [-- --port N]</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = new SandboxOptions { LogRequests = true };
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], out var port) && port is >= 0 and <= 65535)
            {
                options.Port = port;
                i++;
            }
            else if (args[i] == "--quiet")
            {
                options.LogRequests = false;
            }
            else
            {
                await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: dotnet run --project sandbox [-- --port N] [--quiet]").ConfigureAwait(false);
                return 2;
            }
        }

        await using var server = await SandboxServer.StartAsync(options).ConfigureAwait(false);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.WriteLine("Flutterwave v4 sandbox (offline, in-memory state)");
        Console.WriteLine($"  base URL        {server.BaseAddress}");
        Console.WriteLine($"  token endpoint  {server.TokenEndpoint}");
        Console.WriteLine("  Sandbox-only test credentials (they open nothing but this sandbox):");
        Console.WriteLine($"  client id       {server.ClientId}");
        Console.WriteLine($"  client secret   {server.ClientSecret}");
        Console.WriteLine($"  encryption key  {server.EncryptionKey}");
        Console.WriteLine($"  one-time code   {options.Otp}");
        Console.WriteLine("Scenarios: X-Scenario-Key: scenario:auth_pin|auth_pin_3ds|auth_3ds|auth_avs|auth_redirect&issuer:approved|insufficient_funds|...");
        Console.WriteLine("  payouts: scenario:successful|insufficient_balance|blocked_bank|... (see sandbox/README.md)");
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
