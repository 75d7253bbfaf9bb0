using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>What <c>dotnet pack</c> writes, opened as NuGet will open it.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageContentsTests(PackedPackage package)
{
    [Fact]
    public void Pack_WritesExactlyOnePackage_NamedForTheVersion()
    {
        Assert.True(package.Pack.Succeeded, package.Pack.ToString());
        var written = Directory.GetFiles(package.FeedDirectory).Select(Path.GetFileName).ToArray();
        Assert.True(written.SequenceEqual([Path.GetFileName(package.ExpectedPackagePath)]), $"Expected only {Path.GetFileName(package.ExpectedPackagePath)}, found: {string.Join(", ", written)}\n{package.Pack}");
    }

    [Theory]
    [InlineData("lib/net10.0/Flutterwave.Runtime.dll")]
    [InlineData("lib/net10.0/Flutterwave.Runtime.xml")]
    [InlineData("analyzers/dotnet/cs/Flutterwave.Codegen.Generator.dll")]
    [InlineData("analyzers/dotnet/cs/Microsoft.OpenApi.dll")]
    [InlineData("analyzers/dotnet/cs/YamlDotNet.dll")]
    [InlineData("analyzers/dotnet/cs/Scriban.Signed.dll")]
    [InlineData("spec/flutterwave-v4.yaml")]
    [InlineData("buildTransitive/Flutterwave.Codegen.props")]
    [InlineData("buildTransitive/Flutterwave.Codegen.targets")]
    public void Package_Contains(string entry)
    {
        using var archive = ZipFile.OpenRead(package.RequirePackage());
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.True(entries.Contains(entry), $"{entry} is missing. The package holds:\n{string.Join("\n", entries.Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public void Package_HasNoBuildOutputOfItsOwn_AndNothingOutsideItsFolders()
    {
        using var archive = ZipFile.OpenRead(package.RequirePackage());
        string[] allowed = ["lib/net10.0/", "analyzers/dotnet/cs/", "spec/", "buildTransitive/", "_rels/", "package/", "[Content_Types].xml", "Flutterwave.Codegen.nuspec", "README.md"];
        var unexpected = archive.Entries.Select(e => e.FullName).Where(n => !allowed.Any(a => n.StartsWith(a, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, $"Unexpected entries: {string.Join(", ", unexpected)}");
        Assert.DoesNotContain(archive.Entries, e => e.Name == "Flutterwave.Codegen.dll");
    }

    [Fact]
    public void Nuspec_DependsOnNoneOfTheProjectsThePackageCarries()
    {
        using var archive = ZipFile.OpenRead(package.RequirePackage());
        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal(PackedPackage.PackageId, metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        var groups = metadata.Element(ns + "dependencies")?.Elements(ns + "group").ToList() ?? [];
        Assert.Contains(groups, g => g.Attribute("targetFramework")?.Value == "net10.0");
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.DoesNotContain("Flutterwave.Runtime", dependencies);
        Assert.DoesNotContain("Flutterwave.Codegen.Generator", dependencies);
    }
}
