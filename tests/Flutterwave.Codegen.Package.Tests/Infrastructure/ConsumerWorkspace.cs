using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Flutterwave.Codegen.Package.Tests.Infrastructure;

/// <summary>
/// A folder outside the repository where consumer projects are written, restored from the test feed, built and run.
/// </summary>
public sealed class ConsumerWorkspace
{
    /// <summary>The generator's assembly name: the folder EmitCompilerGeneratedFiles writes its files under.</summary>
    private const string GeneratorAssemblyName = "Flutterwave.Codegen.Generator";

    private readonly PackedPackage _package;

    private ConsumerWorkspace(string directory, PackedPackage package)
    {
        Directory = directory;
        _package = package;
    }

    /// <summary>The workspace folder.</summary>
    public string Directory { get; }

    /// <summary>Creates the folder with its nuget.config and the files that cut it off from any enclosing build.</summary>
    public static ConsumerWorkspace Create(string directory, PackedPackage package)
    {
        System.IO.Directory.CreateDirectory(directory);
        var workspace = new ConsumerWorkspace(directory, package);

        // Adds the feed to the machine's configured sources (no <clear/>): they serve everything else.
        workspace.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="flutterwave-codegen-test-feed" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        // MSBuild imports the nearest Directory.Build.* / Directory.Packages.props above a project. Empty ones here
        // keep a temp folder that happens to sit inside some repository from inheriting its settings.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            workspace.WriteFile(name, "<Project />\n");
        }

        return workspace;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> inside the workspace.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Writes <c>{name}/{name}.csproj</c>: what a user of the package has, held to the strictest settings
    /// (nullable, warnings as errors, AOT analyzers), plus the generated files on disk for inspection.
    /// </summary>
    /// <param name="name">Folder and project name.</param>
    /// <param name="program">Program.cs.</param>
    /// <param name="outputType">Exe or Library.</param>
    /// <param name="referencePackage">Whether to add the PackageReference to Flutterwave.Codegen.</param>
    /// <param name="properties">Extra PropertyGroup XML.</param>
    /// <param name="items">Extra ItemGroup XML.</param>
    /// <returns>The project file's path.</returns>
    public string WriteProject(string name, string program, string outputType = "Exe", bool referencePackage = true, string properties = "", string items = "")
    {
        var packageReference = referencePackage
            ? $"""<PackageReference Include="{PackedPackage.PackageId}" Version="{_package.Version}" />"""
            : string.Empty;
        WriteFile(Path.Combine(name, "Program.cs"), program);
        return WriteFile(Path.Combine(name, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <RestorePackagesPath>{_package.PackagesDirectory}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {packageReference}
                {items}
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary><c>dotnet build</c> (restoring first) with the classic console logger, whose summary counts warnings.</summary>
    public Task<CommandResult> BuildAsync(string projectPath) =>
        DotNetCli.RunAsync(Directory, ["build", projectPath, "-tl:off", "-nodeReuse:false"]);

    /// <summary><c>dotnet run --no-build</c> with <paramref name="arguments"/>.</summary>
    public Task<CommandResult> RunAsync(string projectPath, params string[] arguments) =>
        DotNetCli.RunAsync(
            Directory,
            ["run", "--no-build", "--project", projectPath, "--", .. arguments],
            environment: new Dictionary<string, string>
            {
                // The program talks to a loopback server only: never route that through a proxy a machine may set.
                ["NO_PROXY"] = "127.0.0.1,localhost",
                ["no_proxy"] = "127.0.0.1,localhost",
            });

    /// <summary>The file names (hint names) the generator added to the project's last build.</summary>
    public IReadOnlyList<string> GeneratedFiles(string projectPath)
    {
        var obj = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj");
        if (!System.IO.Directory.Exists(obj))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(obj, "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Split(Path.DirectorySeparatorChar).Contains(GeneratorAssemblyName))
            .Select(Path.GetFileName)
            .Select(f => f!)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }
}
