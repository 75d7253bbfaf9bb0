using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Flutterwave.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>
/// What a user of another API sees: the public surface of clients generated from specs that ask for no conventions
/// (features.yaml, orchestrator.yaml) and of every runtime type that surface reaches (signatures, attributes, the
/// exceptions the docs name), listed in <c>PublicApi/neutral-surface.txt</c>. The listing is reviewed like code
/// (accept a change with <c>FLW_ACCEPT_BASELINES=1</c>), and no name in it, nor any generated text, may say
/// Flutterwave but the runtime's namespace and the package id.
/// </summary>
public sealed class NeutralSurfaceTests
{
    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeConstantValue,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly string[] NeutralNamespaces = { "Features.Api", "Orchestra.Api" };

    [Fact]
    public void TheNeutralSurface_MatchesItsListing_AndSaysFlutterwaveOnlyInTheRuntimeNamespace()
    {
        var run = GeneratorHarness.Run(new[]
        {
            new SpecFile("Specs/features.yaml", GeneratorHarness.Read("Specs/features.yaml"), "Features.Api", "FeaturesClient"),
            new SpecFile("Specs/orchestrator.yaml", GeneratorHarness.Read("Specs/orchestrator.yaml"), "Orchestra.Api", "OrchestraClient"),
        });
        Assert.Empty(run.Errors);

        var listing = Listing(run.Output, run.Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        var path = Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "Flutterwave.Codegen.Generator.Tests", "PublicApi", "neutral-surface.txt");
        var text = string.Join("\n", listing) + "\n";
        if (Environment.GetEnvironmentVariable("FLW_ACCEPT_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var leaks = listing.Where(SaysFlutterwave).ToList();
        Assert.True(leaks.Count == 0, "Flutterwave names on the neutral surface:\n" + string.Join("\n", leaks));
        Assert.True(File.Exists(path), "PublicApi/neutral-surface.txt is missing; run the tests with FLW_ACCEPT_BASELINES=1 and review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.True(expected == text, "The neutral surface changed; review and accept with FLW_ACCEPT_BASELINES=1.\n" + FirstDifference(expected, text));
    }

    [Fact]
    public void GeneratedTextForANeutralSpec_NeverSaysFlutterwave_ButForTheRuntimeAndThePackage()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("Specs/features.yaml", GeneratorHarness.Read("Specs/features.yaml"), "Features.Api", "FeaturesClient") });

        var leaks = run.Result.Results.Single().GeneratedSources
            .SelectMany(s => s.SourceText.ToString().Split('\n').Select((line, i) => (s.HintName, Line: i + 1, Text: line)))
            .Where(l => SaysFlutterwave(l.Text))
            .Select(l => $"{l.HintName}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void TheCheck_CatchesALeak()
    {
        Assert.True(SaysFlutterwave("public static Features.Api.FeaturesClient Create(Flutterwave.Runtime.FlutterwaveOptions options)"));
        Assert.True(SaysFlutterwave("/// <param name=\"options\">Per-call options: sandbox scenario (X-Scenario-Key) for Flutterwave.</param>"));
        Assert.False(SaysFlutterwave("[global::System.CodeDom.Compiler.GeneratedCode(\"Flutterwave.Codegen\", \"1.0\")] Flutterwave.Runtime.ApiClientOptions"));
    }

    /// <summary>The names Flutterwave may appear in on the neutral surface: the runtime's namespace and the package id.</summary>
    private static bool SaysFlutterwave(string text) =>
        Regex.IsMatch(text.Replace("Flutterwave.Runtime", string.Empty).Replace("Flutterwave.Codegen", string.Empty), "flutterwave", RegexOptions.IgnoreCase);

    private static List<string> Listing(Compilation compilation, IEnumerable<string> generatedTexts)
    {
        var generated = NeutralNamespaces
            .SelectMany(ns => Namespace(compilation.GlobalNamespace, ns)?.GetTypeMembers() ?? Enumerable.Empty<INamedTypeSymbol>())
            .Where(t => t.DeclaredAccessibility == Accessibility.Public)
            .ToList();
        var runtime = compilation.References
            .Select(compilation.GetAssemblyOrModuleSymbol)
            .OfType<IAssemblySymbol>()
            .Single(a => a.Name == "Flutterwave.Runtime");

        var queue = new Queue<INamedTypeSymbol>(generated);
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        // The exceptions the generated docs name, and the family a caller catches them by.
        foreach (Match cref in Regex.Matches(string.Join("\n", generatedTexts), "cref=\"global::(Flutterwave\\.Runtime\\.[A-Za-z.]+)\""))
        {
            if (runtime.GetTypeByMetadataName(cref.Groups[1].Value) is { } named)
            {
                queue.Enqueue(named);
            }
        }

        var apiException = runtime.GetTypeByMetadataName("Flutterwave.Runtime.ApiException")!;
        foreach (var type in AllTypes(runtime.GlobalNamespace).Where(t => t.DeclaredAccessibility == Accessibility.Public && InheritsFrom(t, apiException)))
        {
            queue.Enqueue(type);
        }

        var lines = new List<string>();
        while (queue.Count > 0)
        {
            var type = queue.Dequeue().OriginalDefinition;
            if (!seen.Add(type) || type.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            var bases = (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum or SpecialType.System_MulticastDelegate) } baseType ? new[] { baseType } : Array.Empty<INamedTypeSymbol>())
                .Concat(type.Interfaces)
                .Select(t => t.ToDisplayString(Format))
                .ToList();
            var header = Kind(type) + " " + type.ToDisplayString(Format) + (bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases));
            lines.Add(header);
            Visit(type, queue);
            foreach (var member in type.GetMembers().Where(IsVisible).OrderBy(m => m.ToDisplayString(Format), StringComparer.Ordinal))
            {
                var attributes = string.Concat(member.GetAttributes().Where(a => a.AttributeClass?.ContainingNamespace.ToDisplayString().StartsWith("Flutterwave", StringComparison.Ordinal) == true).Select(a => "[" + a.AttributeClass!.Name + "] "));
                lines.Add("    " + attributes + member.ToDisplayString(Format));
                Visit(member, queue);
            }
        }

        return lines;
    }

    private static bool IsVisible(ISymbol member) =>
        member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        && !member.IsImplicitlyDeclared
        && !member.Name.Contains('<')
        && member is not INamedTypeSymbol
        && !(member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove });

    /// <summary>Queues the runtime types a symbol's signature or attributes refer to.</summary>
    private static void Visit(ISymbol symbol, Queue<INamedTypeSymbol> queue)
    {
        var types = new List<ITypeSymbol>();
        switch (symbol)
        {
            case INamedTypeSymbol type:
                if (type.BaseType is { } baseType)
                {
                    types.Add(baseType);
                }

                types.AddRange(type.Interfaces);
                break;
            case IMethodSymbol method:
                types.Add(method.ReturnType);
                types.AddRange(method.Parameters.Select(p => p.Type));
                break;
            case IPropertySymbol property:
                types.Add(property.Type);
                types.AddRange(property.Parameters.Select(p => p.Type));
                break;
            case IFieldSymbol field:
                types.Add(field.Type);
                break;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass)
            {
                types.Add(attributeClass);
            }

            types.AddRange(attribute.ConstructorArguments.Where(a => a.Kind == TypedConstantKind.Type && a.Value is ITypeSymbol).Select(a => (ITypeSymbol)a.Value!));
        }

        foreach (var type in types.SelectMany(Flatten))
        {
            if (type is INamedTypeSymbol named && named.ContainingNamespace.ToDisplayString().StartsWith("Flutterwave.Runtime", StringComparison.Ordinal))
            {
                queue.Enqueue(named);
            }
        }
    }

    private static IEnumerable<ITypeSymbol> Flatten(ITypeSymbol type)
    {
        yield return type;
        if (type is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments.SelectMany(Flatten))
            {
                yield return argument;
            }
        }
        else if (type is IArrayTypeSymbol array)
        {
            foreach (var element in Flatten(array.ElementType))
            {
                yield return element;
            }
        }
    }

    private static string Kind(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Interface => "interface",
        TypeKind.Struct => "struct",
        TypeKind.Enum => "enum",
        TypeKind.Delegate => "delegate",
        _ => type.IsRecord ? "record" : "class",
    };

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol global, string name)
    {
        var current = global;
        foreach (var part in name.Split('.'))
        {
            current = current.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
            }
        }

        return "(no line differs)";
    }
}
