using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Typed continuation of a pending Flutterwave charge (<c>next_action</c>): <c>SubmitPinAsync</c>,
/// <c>SubmitOtpAsync</c> and <c>SubmitAvsAddressAsync</c> through the charge update operation, and
/// <c>GetNextActionRedirectUrl()</c>. Recorded only when the model has every piece a helper uses.
/// </summary>
/// <remarks>
/// What is looked for (<c>PUT /charges/{id}</c> with <c>ChargeUpdateRequest</c>): a <c>PUT</c> whose path is
/// <c>/charges/{x}</c>, whose only required inputs are that path parameter and a JSON body object with an
/// <c>authorization</c> object; that object has <c>type</c> (a string or an enum with the value) and <c>pin</c> (an
/// object with an encrypted <c>encrypted_pin</c>), <c>otp</c> (an object with a string <c>code</c>) or <c>avs</c> (an
/// object with an object <c>address</c>). The redirect helper needs the result to be an object with
/// <c>next_action</c> holding <c>type</c> and <c>redirect_url.url</c>. Every object a helper creates must have no
/// other C#-required member.
/// </remarks>
internal static class NextActionConvention
{
    public static NextActionsModel? Find(string className, IEnumerable<(OperationModel Operation, string ClientClass)> operations, ModelIndex index)
    {
        foreach (var (operation, clientClass) in operations)
        {
            if (Candidate(operation, index) is { } found && Build(className, operation, clientClass, found.Update, found.Authorization, index) is { } model)
            {
                return model;
            }
        }

        return null;
    }

    private static (ObjectModel Update, ObjectModel Authorization)? Candidate(OperationModel operation, ModelIndex index)
    {
        if (operation.HttpMethod != "PUT"
            || operation.PathSegments.Count != 2
            || operation.PathSegments[0].Literal != "/charges/"
            || operation.PathSegments[1].ParameterName is null
            || operation.Parameters.Count(p => p.Location == ParameterLocation.Path) != 1
            || operation.Parameters.Any(p => p.Location != ParameterLocation.Path && p.Required)
            || operation.Body is not { Kind: BodyKind.Json, Required: true } body
            || index.Object(body.Type) is not { } update
            || index.Object(ModelIndex.Property(update, "authorization")?.Type) is not { } authorization)
        {
            return null;
        }

        return (update, authorization);
    }

    private static NextActionsModel? Build(string className, OperationModel operation, string clientClass, ObjectModel update, ObjectModel authorization, ModelIndex index)
    {
        var result = ResultType(operation);
        if (result is { Usable: false })
        {
            return null;
        }

        var authorizationProperty = ModelIndex.Property(update, "authorization")!;
        var typeProperty = ModelIndex.Property(authorization, "type");
        var submits = new List<NextActionSubmitModel>();

        ObjectInitModel? Body(string kind, PropertyModel member, ObjectInitModel inner)
        {
            if (index.Value(typeProperty, kind) is not { } typeValue
                || !OnlyRequired(update, "authorization") || !OnlyRequired(authorization, "type", member.JsonName))
            {
                return null;
            }

            var authorizationInit = new ObjectInitModel(authorization.Name, new[]
            {
                new MemberInitModel(typeProperty!.Name, Value: typeValue),
                new MemberInitModel(member.Name, Object: inner),
            }.ToEquatableArray());
            return new ObjectInitModel(update.Name, new[] { new MemberInitModel(authorizationProperty.Name, Object: authorizationInit) }.ToEquatableArray());
        }

        // PIN: the plaintext property the encryption convention adds, so the PIN is encrypted at send time.
        if (ModelIndex.Property(authorization, "pin") is { Type.Kind: TypeKind.Model } pinMember
            && index.Object(pinMember.Type) is { } pinObject
            && pinObject.Encryption?.Fields.FirstOrDefault(f => f.EncryptedJsonName == "encrypted_pin") is { } pinField
            && OnlyRequired(pinObject)
            && Body("pin", pinMember, Init(pinObject, pinField.PlainName, "pin")) is { } pinBody)
        {
            submits.Add(new NextActionSubmitModel("SubmitPinAsync", "pin", TypeRef.String, CardData: true,
                "The card's PIN in plain text: encrypted when the request is sent (needs <c>FlutterwaveOptions.EncryptionKey</c>) and never written as plain JSON",
                "Answers a <c>requires_pin</c> next action: sends the PIN as a <c>pin</c> authorization, encrypted with a fresh nonce.",
                pinBody));
        }

        if (ModelIndex.Property(authorization, "otp") is { Type.Kind: TypeKind.Model } otpMember
            && index.Object(otpMember.Type) is { } otpObject
            && ModelIndex.Property(otpObject, "code") is { Type.Kind: TypeKind.String } codeMember
            && OnlyRequired(otpObject, "code")
            && Body("otp", otpMember, Init(otpObject, codeMember.Name, "code")) is { } otpBody)
        {
            submits.Add(new NextActionSubmitModel("SubmitOtpAsync", "code", TypeRef.String, CardData: false,
                "The one-time code the customer received",
                "Answers a <c>requires_otp</c> next action: sends the code as an <c>otp</c> authorization.",
                otpBody));
        }

        if (ModelIndex.Property(authorization, "avs") is { Type.Kind: TypeKind.Model } avsMember
            && index.Object(avsMember.Type) is { } avsObject
            && ModelIndex.Property(avsObject, "address") is { Type.Kind: TypeKind.Model } addressMember
            && index.Object(addressMember.Type) is not null
            && OnlyRequired(avsObject, "address")
            && Body("avs", avsMember, Init(avsObject, addressMember.Name, "address")) is { } avsBody)
        {
            submits.Add(new NextActionSubmitModel("SubmitAvsAddressAsync", "address", addressMember.Type, CardData: false,
                "The customer's billing address, for address verification",
                "Answers an address request (AVS): sends the billing address as an <c>avs</c> authorization.",
                avsBody));
        }

        var redirect = Redirect(result?.Type, index);
        if (submits.Count == 0 && redirect is null)
        {
            return null;
        }

        var pathParameter = operation.Parameters.Single(p => p.Location == ParameterLocation.Path);
        return new NextActionsModel(
            className,
            clientClass,
            operation.MethodName,
            pathParameter.Type,
            operation.HttpMethod + " " + operation.PathTemplate,
            result?.Type,
            submits.ToEquatableArray(),
            redirect);
    }

    /// <summary>What the helpers return: the update's result (its envelope's <c>data</c>), nothing, or unusable (a page, text, bytes).</summary>
    private static (bool Usable, TypeRef? Type)? ResultType(OperationModel operation)
    {
        var envelope = operation.Conventions?.Envelope;
        if (envelope is { Kind: EnvelopeKind.Page })
        {
            return (false, null);
        }

        return operation.Response.Kind switch
        {
            ResultKind.None => null,
            ResultKind.Json when envelope is { } data => (true, data.Type),
            ResultKind.Json when operation.Response.Type is { } type => (true, type),
            _ => (false, null),
        };
    }

    private static NextActionRedirectModel? Redirect(TypeRef? resultType, ModelIndex index)
    {
        if (index.Object(resultType) is not { } result
            || ModelIndex.Property(result, "next_action") is not { Type.Kind: TypeKind.Model } nextMember
            || index.Object(nextMember.Type) is not { } next
            || ModelIndex.Property(next, "type") is not { } typeMember
            || index.Value(typeMember, "redirect_url") is not { } typeValue
            || ModelIndex.Property(next, "redirect_url") is not { Type.Kind: TypeKind.Model } redirectMember
            || index.Object(redirectMember.Type) is not { } redirect
            || ModelIndex.Property(redirect, "url") is not { Type.Kind: TypeKind.Uri or TypeKind.String } urlMember)
        {
            return null;
        }

        return new NextActionRedirectModel(result.Name, nextMember.Name, typeMember.Name, typeValue, redirectMember.Name, urlMember.Name, urlMember.Type);
    }

    private static ObjectInitModel Init(ObjectModel model, string member, string parameter) =>
        new(model.Name, new[] { new MemberInitModel(member, Parameter: parameter) }.ToEquatableArray());

    /// <summary>No C#-required member other than <paramref name="allowed"/>: an initializer setting those compiles.</summary>
    private static bool OnlyRequired(ObjectModel model, params string[] allowed) =>
        model.Properties.All(p => !p.IsRequiredMember || allowed.Contains(p.JsonName));
}
