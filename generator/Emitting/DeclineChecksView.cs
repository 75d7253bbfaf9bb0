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
        var objects = new Dictionary<string, ObjectModel>();
        var enums = new Dictionary<string, EnumModel>();
        foreach (var type in spec.Types)
        {
            switch (type)
            {
                case ObjectModel o:
                    objects[o.Name] = o;
                    break;
                case EnumModel e:
                    enums[e.Name] = e;
                    break;
            }
        }

        var checks = new List<object>();
        foreach (var type in spec.Types)
        {
            if (type is ObjectModel model && Check(model, objects, enums, types) is { } check)
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

    private static object? Check(ObjectModel model, Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums, CSharpTypes types)
    {
        if (Property(model, "status") is not { } status
            || FailedTest(status, enums, types) is not { } isFailed
            || Property(model, "processor_response") is not { Type: { Kind: TypeKind.Model, Name: { } responseName } } processorResponse
            || !objects.TryGetValue(responseName, out var response)
            || Property(response, "type") is not { Type.Kind: TypeKind.String } declineType
            || Property(response, "code") is not { Type.Kind: TypeKind.String } declineCode)
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
    private static string? FailedTest(PropertyModel status, Dictionary<string, EnumModel> enums, CSharpTypes types)
    {
        switch (status.Type)
        {
            case { Kind: TypeKind.String }:
                return $"string.Equals(target.{status.Name}, {Literals.String(Failed)}, global::System.StringComparison.Ordinal)";
            case { Kind: TypeKind.Enum, Name: { } enumName } type when enums.TryGetValue(enumName, out var model)
                && model.Members.FirstOrDefault(m => m.Value == Failed) is { } member:
                return $"target.{status.Name} == {types.TypeName(type)}.{member.Name}";
            default:
                return null;
        }
    }

    /// <summary><c>target.X</c> for a string property with that JSON name, or <c>null</c> when there is none.</summary>
    private static string StringMember(ObjectModel model, string jsonName) =>
        Property(model, jsonName) is { Type.Kind: TypeKind.String } property ? "target." + property.Name : "null";

    private static PropertyModel? Property(ObjectModel model, string jsonName) =>
        model.Properties.FirstOrDefault(p => p.JsonName == jsonName);
}
