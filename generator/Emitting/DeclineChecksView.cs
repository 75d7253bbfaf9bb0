using System.Collections.Generic;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// Renders the <c>ThrowIfDeclined()</c> helpers the Conventions stage recorded
/// (<see cref="SpecConventionsModel.DeclineChecks"/>).
/// </summary>
internal static class DeclineChecksView
{
    public static object Create(SpecModel spec, string className, CSharpTypes types, string version)
    {
        var checks = new List<object>();
        foreach (var check in spec.Conventions!.DeclineChecks)
        {
            checks.Add(new
            {
                TargetType = types.TypeName(new TypeRef(TypeKind.Model, check.TargetType)),
                TargetXml = XmlDoc.Escape(check.TargetType),
                IsFailed = Expressions.Equals("target." + check.StatusProperty, check.Failed, types),
                ObjectId = check.IdProperty is null ? "null" : "target." + check.IdProperty,
                Reference = check.ReferenceProperty is null ? "null" : "target." + check.ReferenceProperty,
                StatusLiteral = Literals.String(check.Failed.Value),
                DeclineType = $"target.{check.ProcessorResponseProperty}?.{check.DeclineTypeProperty}",
                DeclineCode = $"target.{check.ProcessorResponseProperty}?.{check.DeclineCodeProperty}",
            });
        }

        return new { spec.Namespace, Version = version, ClassName = className, Checks = checks };
    }
}
