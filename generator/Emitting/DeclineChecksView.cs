using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// <c>ThrowIfDeclined()</c> for every object that reports a payment outcome: in Flutterwave v4 a declined card is a
/// successful call whose charge or order has <c>status: failed</c>, and the helper turns that into a
/// <c>FlutterwavePaymentDeclinedException</c>. Objects are found by structure and JSON names (never by C# or schema
/// names), so the output compiles for any spec; a spec without such objects gets no helper class.
/// </summary>
/// <remarks>
/// What is looked for: an object with a <c>status</c> property that is a string, or an enum with the value
/// <c>failed</c>, and a <c>processor_response</c> property whose type is an object with string properties
/// <c>type</c> and <c>code</c>. String <c>id</c> and <c>reference</c> properties go into the exception when present.
/// </remarks>
internal static class DeclineChecksView
{
    /// <summary>The value of <c>status</c> that means declined.</summary>
    private const string Failed = "failed";

    public static (string ClassName, object View)? Create(SpecModel spec, CSharpTypes types, string version)
    {
        var match = StructuralMatch.Index(spec);
        var checks = new List<object>();
        foreach (var type in spec.Types)
        {
            if (type is ObjectModel model && Check(model, match, types) is { } check)
            {
                checks.Add(check);
            }
        }

        if (checks.Count == 0)
        {
            return null;
        }

        var typeNames = new NameScope(ignoreCase: true, spec.Types.Select(t => t.Name)
            .Concat(spec.Groups.Select(g => g.ClassName))
            .Concat(new[] { spec.ClientName, spec.ClientName + "ServiceCollectionExtensions" }));
        var className = typeNames.Claim("PaymentDeclineChecks");
        return (className, new
        {
            spec.Namespace,
            Version = version,
            ClassName = className,
            Checks = checks,
        });
    }

    private static object? Check(ObjectModel model, StructuralMatch match, CSharpTypes types)
    {
        if (StructuralMatch.Property(model, "status") is not { } status
            || FailedTest(status, match, types) is not { } isFailed
            || StructuralMatch.Property(model, "processor_response") is not { Type: { Kind: TypeKind.Model, Name: { } responseName } } processorResponse
            || !match.Objects.TryGetValue(responseName, out var response)
            || StructuralMatch.Property(response, "type") is not { Type.Kind: TypeKind.String } declineType
            || StructuralMatch.Property(response, "code") is not { Type.Kind: TypeKind.String } declineCode)
        {
            return null;
        }

        var name = XmlDoc.Escape(model.Name);
        return new
        {
            TargetType = types.TypeName(new TypeRef(TypeKind.Model, model.Name)),
            TargetXml = name,
            IsFailed = isFailed,
            ObjectId = StringMember(model, "id"),
            Reference = StringMember(model, "reference"),
            StatusLiteral = Literals.String(Failed),
            DeclineType = $"target.{processorResponse.Name}?.{declineType.Name}",
            DeclineCode = $"target.{processorResponse.Name}?.{declineCode.Name}",
        };
    }

    /// <summary>
    /// The C# condition that <c>target</c>'s status is <c>failed</c>: an enum comparison (lifted when the property is
    /// nullable), or an ordinal string comparison (null-safe).
    /// </summary>
    private static string? FailedTest(PropertyModel status, StructuralMatch match, CSharpTypes types) =>
        match.ValueExpression(status, Failed, types) is not { } failed ? null
        : status.Type.Kind == TypeKind.String ? $"string.Equals(target.{status.Name}, {failed}, global::System.StringComparison.Ordinal)"
        : $"target.{status.Name} == {failed}";

    /// <summary><c>target.X</c> for a string property with that JSON name, or <c>null</c> when there is none.</summary>
    private static string StringMember(ObjectModel model, string jsonName) =>
        StructuralMatch.Property(model, jsonName) is { Type.Kind: TypeKind.String } property ? "target." + property.Name : "null";
}
