using System.Reflection;

namespace Flutterwave.Codegen.Emitting;

/// <summary>The generator's version, as written into <c>[GeneratedCode]</c> and file headers.</summary>
internal static class GeneratorVersion
{
    public static readonly string Value =
        typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(GeneratorVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
