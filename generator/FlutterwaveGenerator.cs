using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Flutterwave.Codegen.Conventions;
using Flutterwave.Codegen.Diagnostics;
using Flutterwave.Codegen.Emitting;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;
using Flutterwave.Codegen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flutterwave.Codegen;

/// <summary>
/// Generates typed models and clients from OpenAPI 3.0/3.1 specs given as <c>FlutterwaveSpec</c> items
/// (AdditionalFiles with <c>FlutterwaveSpec=true</c> metadata); by default the bundled Flutterwave v4 spec.
/// </summary>
/// <remarks>
/// Pipeline: spec inputs (path, text, options) → read (once per change of the text; OpenAPI to an equatable
/// <see cref="SpecModel"/>) → conventions (decisions recorded in the model) → emit (renders the model). Edits to C#
/// files touch none of these steps.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FlutterwaveGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline's steps, for tests that check caching.</summary>
    public static class TrackingNames
    {
        /// <summary>Spec files with their text and options.</summary>
        public const string SpecInputs = nameof(SpecInputs);

        /// <summary>Parsed specs: model and diagnostics.</summary>
        public const string SpecResults = nameof(SpecResults);

        /// <summary>Diagnostics to report.</summary>
        public const string Diagnostics = nameof(Diagnostics);

        /// <summary>Models with the Conventions stage's decisions recorded.</summary>
        public const string Conventions = nameof(Conventions);

        /// <summary>All models, collected for emitting.</summary>
        public const string Models = nameof(Models);
    }

    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecInputs);

        var results = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.SpecResults);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, list) =>
        {
            foreach (var info in list)
            {
                production.ReportDiagnostic(ToDiagnostic(info));
            }
        });

        var models = results
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, cancellationToken) => ConventionStage.Run(model!, cancellationToken))
            .WithTrackingName(TrackingNames.Conventions)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (production, all) => Emit(production, all));
    }

    private static SpecInput? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var options = optionsProvider.GetOptions(file);
        if (!options.TryGetValue(MetadataPrefix + "FlutterwaveSpec", out var flag) || !string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var stem = Identifier.ToPascal(Path.GetFileNameWithoutExtension(file.Path));
        optionsProvider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        var defaultNamespace = !string.IsNullOrWhiteSpace(rootNamespace) && Identifier.IsValidNamespace(rootNamespace!.Trim()) ? rootNamespace.Trim() : stem;
        var ns = Option(options, "FlutterwaveNamespace", defaultNamespace, Identifier.IsValidNamespace, "C# namespace", file.Path, diagnostics);
        var clientName = Option(options, "FlutterwaveClientName", stem + "Client", Identifier.IsValidIdentifier, "C# class name", file.Path, diagnostics);
        var conventions = Option(options, "FlutterwaveConventions", ProfileSelector.Auto, ProfileSelector.IsKnownValue, "Conventions value (auto, flutterwave or none)", file.Path, diagnostics);

        string? text;
        try
        {
            text = file.GetText(cancellationToken)?.ToString();
        }
        catch (IOException)
        {
            text = null;
        }

        return new SpecInput(file.Path, text, ns, clientName, diagnostics.ToEquatableArray(), conventions.ToLowerInvariant());
    }

    private static string Option(AnalyzerConfigOptions options, string name, string fallback, Func<string, bool> isValid, string what, string path, List<DiagnosticInfo> diagnostics)
    {
        if (!options.TryGetValue(MetadataPrefix + name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        value = value.Trim();
        if (isValid(value))
        {
            return value;
        }

        diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.InvalidOption.Id, new[] { value, what, fallback }.ToEquatableArray(), SpecSpan.FileStart(path)));
        return fallback;
    }

    private static void Emit(SourceProductionContext production, EquatableArray<ConventionResult> results)
    {
        // Ignoring case: generated file names are compared without case, so Acme.Api and acme.api would collide too.
        var namespaces = new Dictionary<string, SpecModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var (model, failure) in results)
        {
            if (failure is not null)
            {
                production.ReportDiagnostic(ToDiagnostic(failure));
                continue;
            }

            if (namespaces.TryGetValue(model.Namespace, out var first))
            {
                // Two specs in one namespace would declare the same types twice.
                production.ReportDiagnostic(ToDiagnostic(new DiagnosticInfo(
                    DiagnosticDescriptors.DuplicateClient.Id,
                    new[] { first.SpecPath, model.SpecPath, model.Namespace }.ToEquatableArray(),
                    SpecSpan.FileStart(model.SpecPath))));
                continue;
            }

            namespaces[model.Namespace] = model;
            try
            {
                foreach (var (hintName, source) in new SourceEmitter(model).Emit(production.CancellationToken))
                {
                    production.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                production.ReportDiagnostic(ToDiagnostic(GeneratorFailure.For(model.SpecPath, ex)));
            }
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var span = info.Span;
        var location = Location.Create(
            span.FilePath,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        return Diagnostic.Create(DiagnosticDescriptors.ById[info.Id], location, info.Arguments.Cast<object>().ToArray());
    }
}
