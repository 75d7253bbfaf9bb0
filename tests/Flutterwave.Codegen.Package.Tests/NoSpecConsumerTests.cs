using System.Threading.Tasks;
using Flutterwave.Codegen.Package.Tests.Infrastructure;
using Xunit;

namespace Flutterwave.Codegen.Package.Tests;

/// <summary>A user who wants only the runtime: switching the bundled spec off, with no specs, generates nothing.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class NoSpecConsumerTests(PackedPackage package)
{
    [Fact]
    public async Task BundledSpecSwitchedOff_AndNoSpecs_BuildsWithNothingGenerated()
    {
        var workspace = package.CreateWorkspace("no-spec");
        // The runtime still comes with the package: using one of its types proves the reference is there.
        var project = workspace.WriteProject(
            "NoSpecConsumer",
            "Console.WriteLine(new Flutterwave.Runtime.RequestOptions().IdempotencyKey ?? \"none\");\n",
            properties: "<FlutterwaveUseBundledSpec>false</FlutterwaveUseBundledSpec>");

        var build = await workspace.BuildAsync(project);
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Output.Contains("0 Warning(s)"), build.ToString());
        Assert.Empty(workspace.GeneratedFiles(project));
    }
}
