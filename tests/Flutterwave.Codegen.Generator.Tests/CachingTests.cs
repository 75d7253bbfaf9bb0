using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>The IDE runs the generator on every keystroke: an edit elsewhere must not parse or emit again.</summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedSteps =
    {
        FlutterwaveGenerator.TrackingNames.SpecInputs,
        FlutterwaveGenerator.TrackingNames.SpecResults,
        FlutterwaveGenerator.TrackingNames.Diagnostics,
        FlutterwaveGenerator.TrackingNames.Models,
    };

    [Fact]
    public void UnrelatedCSharpEdit_EveryTrackedStepIsCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace App; public class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), Features() }).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class B { public int X => 1; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} ran again: {reason}");
                }
            }
        }

        // Stronger than "Unchanged": the parse, the diagnostics and the models must not even run again.
        foreach (var name in new[] { FlutterwaveGenerator.TrackingNames.SpecResults, FlutterwaveGenerator.TrackingNames.Diagnostics, FlutterwaveGenerator.TrackingNames.Models })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void StepOutputs_HoldNoSymbolsSyntaxOrCompilation()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), Features() }).RunGenerators(GeneratorHarness.CreateCompilation("class A { }"));
        var result = driver.GetRunResult().Results.Single();

        var checkedObjects = 0;
        foreach (var name in TrackedSteps)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    checkedObjects += AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        // The walk must have reached into the models, or it proves nothing.
        Assert.True(checkedObjects > 1000, $"only {checkedObjects} objects were inspected");
    }

    [Fact]
    public void SpecEdit_ChangesTheOutput()
    {
        var spec = GeneratorHarness.BundledSpec();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, out var texts).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Flutterwave.Customer.g.cs").SourceText.ToString();

        var additional = new TestAdditionalText(spec.Path, spec.Text!.Replace("A customer known to Flutterwave", "A customer, edited"));
        driver = driver.ReplaceAdditionalText(texts.Single(), additional).RunGenerators(compilation);

        var run = driver.GetRunResult().Results.Single();
        var after = run.GeneratedSources.Single(s => s.HintName == "Flutterwave.Customer.g.cs").SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("A customer, edited", after);
        Assert.Contains(run.TrackedSteps[FlutterwaveGenerator.TrackingNames.SpecResults].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    private static SpecFile Features() => new("Specs/features.yaml", GeneratorHarness.Read("Specs/features.yaml"), "Features.Api", "FeaturesClient");

    private static int AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return 0;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SyntaxTree or SemanticModel, $"step {step} holds a {value.GetType().Name}");
        var count = 1;
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                count += AssertNoRoslynObjects(item, step, seen);
            }

            return count;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                count += AssertNoRoslynObjects(property.GetValue(value), step, seen);
            }
        }

        return count;
    }

    private sealed class TestAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
