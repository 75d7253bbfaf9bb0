using System;
using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// Damaged specs (lines dropped, duplicated, swapped, re-indented, truncated, values changed) must never make the
/// generator fail internally: every outcome is generated code or a diagnostic at the spec, and whatever is generated
/// compiles. The mutations are seeded, so a failure reproduces.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var spec in new[] { "bundled", "features" })
        {
            for (var seed = 0; seed < 8; seed++)
            {
                data.Add(spec, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MutatedSpec_NeverFailsInternally_AndWhatIsGeneratedCompiles(string spec, int seed)
    {
        var text = spec == "bundled" ? GeneratorHarness.BundledSpec().Text! : GeneratorHarness.Read("Specs/features.yaml");
        var random = new Random(seed);
        var problems = new List<string>();
        for (var round = 0; round < 12; round++)
        {
            var mutated = Mutate(text, random);
            GeneratorRun run;
            try
            {
                run = GeneratorHarness.Run(new[] { new SpecFile("mutated.yaml", mutated, "Mutated.Api", "MutatedClient") });
            }
            catch (Exception ex)
            {
                problems.Add($"round {round}: exception {ex}");
                continue;
            }

            var internalFailures = run.GeneratorDiagnostics.Where(d => d.Id is "FLW1011" or "CS8785").ToList();
            if (internalFailures.Count > 0)
            {
                problems.Add($"round {round}: {string.Join("; ", internalFailures)}");
            }

            var generatedErrors = run.Errors.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).Take(3).ToList();
            if (generatedErrors.Count > 0)
            {
                problems.Add($"round {round}: generated code does not compile: {string.Join("; ", generatedErrors)}");
            }

            Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("mutated.yaml", d.Location.GetLineSpan().Path));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && lines.Count > 2; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3:
                    lines[at] = "  " + lines[at];
                    break;
                case 4:
                    lines[at] = lines[at].Replace("$ref: '#/components/schemas/", "$ref: '#/components/schemas/X");
                    break;
                case 5:
                    lines[at] = lines[at].Replace("string", "integer").Replace("object", "array").Replace("required", "requird");
                    break;
                default:
                    lines.RemoveRange(at, lines.Count - at);
                    break;
            }
        }

        return string.Join("\n", lines);
    }
}
