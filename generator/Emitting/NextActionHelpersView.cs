using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Emitting;

/// <summary>Renders the <c>next_action</c> helpers the Conventions stage recorded (<see cref="NextActionsModel"/>).</summary>
internal static class NextActionHelpersView
{
    public static object Create(SpecModel spec, NextActionsModel model, CSharpTypes types, string version)
    {
        var redirect = model.Redirect;
        return new
        {
            spec.Namespace,
            Version = version,
            model.ClassName,
            ClientType = "global::" + spec.Namespace + "." + model.ClientClass,
            PathParameterType = types.TypeName(model.ChargeIdType),
            OperationXml = XmlDoc.Escape(model.OperationText),
            model.MethodName,
            ReturnType = model.ResultType is { } result ? $"global::System.Threading.Tasks.Task<{types.TypeName(result)}>" : "global::System.Threading.Tasks.Task",
            Submits = model.Submits.Select(s => new
            {
                Name = s.MethodName,
                Parameter = s.ParameterName,
                ParameterType = types.TypeName(s.ParameterType),
                s.ParameterDoc,
                ParameterAttribute = s.CardData ? "[global::Flutterwave.Runtime.Annotations.CardData] " : string.Empty,
                Body = Expressions.New(s.Body, types),
                s.Summary,
            }).ToList(),
            HasRedirect = redirect is not null,
            Redirect = redirect is null ? null : new
            {
                TargetType = types.TypeName(new TypeRef(TypeKind.Model, redirect.TargetType)),
                UrlType = types.TypeName(redirect.UrlType, nullable: true),
                Expression = $"target.{redirect.NextActionProperty} is {{ }} next && next.{redirect.TypeProperty} == {Expressions.Value(redirect.RedirectValue, types)} ? next.{redirect.RedirectProperty}?.{redirect.UrlProperty} : null",
            },
        };
    }
}
