using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers.Rules;

/// <summary>
/// FLW0004: a string literal flowing into a <c>[Secret]</c> member (the runtime's options: <c>ClientSecret</c>,
/// <c>EncryptionKey</c>, <c>ApiKey</c>, <c>AccessToken</c>), or into configuration under a key whose last segment
/// names one (<c>config["Flutterwave:ClientSecret"] = "..."</c>, in-memory collections, environment variables).
/// Test projects (those referencing xUnit, NUnit or MSTest) are not analysed; empty literals are placeholders.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInSourceAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] TestFrameworks = { "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretInSource);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is not { Secret: { } secret } symbols || IsTestProject(start.Compilation))
            {
                return;
            }

            var names = SecretNames(secret);
            start.RegisterOperationAction(context => AnalyzeAssignment(context, symbols, names), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(context => AnalyzeCall(context, names), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols symbols, ImmutableHashSet<string> names)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!IsLiteralSecret(assignment.Value))
        {
            return;
        }

        string? target = null;
        if (OperationValues.AssignedMember(assignment) is { } member && symbols.Has(member, symbols.Secret))
        {
            target = member.Name;
        }
        else if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                 && OperationValues.ConstantString(indexer.Arguments[0].Value) is { } key && SecretKey(key, names) is { } name)
        {
            target = name;
        }

        if (target is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, OperationValues.Unwrap(assignment.Value).Syntax.GetLocation(), target));
        }
    }

    // dictionary.Add("Flutterwave:ClientSecret", "..."), { "Flutterwave:ClientSecret", "..." },
    // new KeyValuePair<string, string?>("Flutterwave:ClientSecret", "..."), Environment.SetEnvironmentVariable(...).
    private static void AnalyzeCall(OperationAnalysisContext context, ImmutableHashSet<string> names)
    {
        var (name, arguments) = context.Operation switch
        {
            IInvocationOperation invocation when invocation.TargetMethod.Name is "Add" or "TryAdd" or "SetEnvironmentVariable" => (invocation.TargetMethod.Name, invocation.Arguments),
            IObjectCreationOperation { Type.Name: "KeyValuePair" } creation => ("KeyValuePair", creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (name is null || arguments.Length < 2 || OperationValues.ConstantString(arguments[0].Value) is not { } key
            || SecretKey(key, names) is not { } secretName || !IsLiteralSecret(arguments[1].Value))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, OperationValues.Unwrap(arguments[1].Value).Syntax.GetLocation(), secretName));
    }

    private static bool IsLiteralSecret(IOperation value) =>
        OperationValues.ConstantString(value) is { } text && !string.IsNullOrWhiteSpace(text);

    /// <summary>The secret a configuration key names by its last segment (<c>:</c> or <c>__</c> separated), or null.</summary>
    private static string? SecretKey(string key, ImmutableHashSet<string> names)
    {
        var colon = key.LastIndexOf(':');
        var underscores = key.LastIndexOf("__", StringComparison.Ordinal);
        var start = Math.Max(colon < 0 ? 0 : colon + 1, underscores < 0 ? 0 : underscores + 2);
        var last = key.Substring(start);
        return names.Contains(last) ? last : null;
    }

    // The names of the runtime's [Secret] members, read from the assembly that defines the attribute: no names here.
    private static ImmutableHashSet<string> SecretNames(INamedTypeSymbol secret)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(secret.ContainingAssembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }
                else if (member.Kind is SymbolKind.Property or SymbolKind.Field && member.DeclaredAccessibility == Accessibility.Public
                         && member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, secret)))
                {
                    names.Add(member.Name);
                }
            }
        }

        return names.ToImmutable();
    }

    private static bool IsTestProject(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (Array.IndexOf(TestFrameworks, assembly.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
