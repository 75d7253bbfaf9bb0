namespace Flutterwave.Sandbox.Api;

/// <summary>Maps the token endpoint and every spec operation (STUB).</summary>
internal static class SandboxEndpoints
{
    public static void Map(WebApplication app, SandboxState state)
    {
    }
}
