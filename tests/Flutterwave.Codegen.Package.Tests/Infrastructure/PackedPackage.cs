using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests.Infrastructure;

/// <summary>
/// Packs <c>package/Flutterwave.Codegen.csproj</c> once per test run into a temporary feed folder, at a version no
/// other run uses, so restores can never be served a stale copy from any cache.
/// </summary>
/// <remarks>
/// Everything lives under one temporary run folder, deleted at the end (set FLUTTERWAVE_KEEP_TEST_FILES=1 to keep
/// it). The pack uses <c>--artifacts-path</c> inside that folder, so it neither writes into the repository's
/// bin/obj folders nor races a developer's concurrent build of the same projects.
/// </remarks>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>The package id under test.</summary>
    public const string PackageId = "Flutterwave.Codegen";

    /// <summary>The repository root, recorded at build time.</summary>
    public string RepoRoot { get; } = typeof(PackedPackage).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The temporary folder holding everything this run writes.</summary>
    public string RunDirectory { get; private set; } = string.Empty;

    /// <summary>The folder <c>dotnet pack -o</c> writes to; consumers add it as a package source.</summary>
    public string FeedDirectory { get; private set; } = string.Empty;

    /// <summary>The consumers' private global packages folder, so the machine's NuGet cache never sees the test versions.</summary>
    public string PackagesDirectory { get; private set; } = string.Empty;

    /// <summary>The version packed this run, e.g. <c>0.0.0-test.20260101120000.r1a2b3c</c>.</summary>
    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>How the pack went.</summary>
    public CommandResult Pack { get; private set; } = null!;

    /// <summary>The one package the pack must write.</summary>
    public string ExpectedPackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        RunDirectory = Directory.CreateTempSubdirectory("flutterwave-package-tests-").FullName;
        FeedDirectory = Directory.CreateDirectory(Path.Combine(RunDirectory, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(RunDirectory, "packages")).FullName;
        Pack = await DotNetCli.RunAsync(RunDirectory,
        [
            "pack", Path.Combine(RepoRoot, "package", "Flutterwave.Codegen.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            $"-p:Version={Version}",
            "--artifacts-path", Path.Combine(RunDirectory, "pack-artifacts"),
            "-tl:off",
        ]);
    }

    /// <summary>Fails the calling test, with the pack's output, unless the package was written.</summary>
    public string RequirePackage()
    {
        Assert.True(Pack.Succeeded && File.Exists(ExpectedPackagePath), $"Packing failed or wrote no {Path.GetFileName(ExpectedPackagePath)}:\n{Pack}");
        return ExpectedPackagePath;
    }

    /// <summary>A fresh folder for consumer projects, with a nuget.config that adds this run's feed.</summary>
    public ConsumerWorkspace CreateWorkspace(string name)
    {
        RequirePackage();
        return ConsumerWorkspace.Create(Path.Combine(RunDirectory, name), this);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("FLUTTERWAVE_KEEP_TEST_FILES") != "1" && Directory.Exists(RunDirectory))
        {
            try
            {
                Directory.Delete(RunDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A straggling process still holding a file: the OS cleans the temp folder eventually.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The tests that share one packed package: xunit creates <see cref="PackedPackage"/> once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed Flutterwave.Codegen";
}
