using System.Text.Json;
using System.Text.RegularExpressions;

namespace Flutterwave.Sandbox.Validation;

/// <summary>
/// One schema of the spec, read once into the constraints the validator checks. Schemas that refer to each other
/// (<c>$ref</c>, including cycles) share instances, so the graph is built once per spec.
/// </summary>
/// <remarks>
/// Filled in by <see cref="SchemaReader"/> after construction, so that a schema can refer to itself; never changed once
/// the spec is loaded. Keywords the validator does not check (<c>description</c>, <c>examples</c>, <c>default</c>,
/// <c>readOnly</c>, <c>discriminator</c>, ...) are not kept.
/// </remarks>
internal sealed class SchemaRule
{
    public SchemaRule(string location) => Location = location;

    /// <summary>JSON pointer of the schema in the document, for load errors.</summary>
    public string Location { get; }

    /// <summary>The boolean schema <c>false</c> (3.1): nothing is valid.</summary>
    public bool RejectsEverything { get; set; }

    /// <summary>The schema <c>$ref</c> points at; its sibling keywords (3.1) apply as well.</summary>
    public SchemaRule? Reference { get; set; }

    public JsonTypes Types { get; set; }

    public Dictionary<string, SchemaRule>? Properties { get; set; }

    public IReadOnlyList<string> Required { get; set; } = Array.Empty<string>();

    /// <summary><c>additionalProperties: false</c>: a member not named by properties is an error.</summary>
    public bool AdditionalPropertiesForbidden { get; set; }

    /// <summary>The schema unknown members must follow, when <c>additionalProperties</c> is one.</summary>
    public SchemaRule? AdditionalProperties { get; set; }

    public IReadOnlyList<(Regex Pattern, SchemaRule Schema)>? PatternProperties { get; set; }

    public SchemaRule? Items { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public Regex? Pattern { get; set; }

    /// <summary>The pattern as the spec writes it, for messages.</summary>
    public string? PatternText { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? ExclusiveMinimum { get; set; }

    public decimal? ExclusiveMaximum { get; set; }

    public decimal? MultipleOf { get; set; }

    public IReadOnlyList<JsonElement>? Enum { get; set; }

    public JsonElement? Const { get; set; }

    /// <summary>The <c>format</c> keyword; only the formats <see cref="ValueFormats"/> knows are checked.</summary>
    public string? Format { get; set; }

    public IReadOnlyList<SchemaRule>? AllOf { get; set; }

    public IReadOnlyList<SchemaRule>? AnyOf { get; set; }

    public IReadOnlyList<SchemaRule>? OneOf { get; set; }

    public SchemaRule? Not { get; set; }

    /// <summary>Whether any keyword that only applies to numbers is present.</summary>
    public bool HasNumberKeywords =>
        Minimum.HasValue || Maximum.HasValue || ExclusiveMinimum.HasValue || ExclusiveMaximum.HasValue || MultipleOf.HasValue;

    /// <summary>The types of this schema, or of the first schema down its <c>$ref</c> chain that names any.</summary>
    public JsonTypes EffectiveTypes
    {
        get
        {
            var rule = this;
            for (var hops = 0; rule is not null && hops < 64; hops++, rule = rule.Reference)
            {
                if (rule.Types != JsonTypes.None)
                {
                    return rule.Types;
                }
            }

            return JsonTypes.None;
        }
    }
}
