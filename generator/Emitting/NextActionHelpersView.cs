using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;
using static Flutterwave.Codegen.Emitting.StructuralMatch;

namespace Flutterwave.Codegen.Emitting;

/// <summary>
/// Typed continuation of a pending charge (<c>next_action</c>): submit a PIN, an OTP or an AVS address through the
/// charge update operation, and read the redirect URL. Emitted only when the model has every piece a helper uses,
/// found by structure and JSON names (never by C# names alone), so the output compiles for any spec; a spec without
/// those pieces gets no helpers.
/// </summary>
/// <remarks>
/// What is looked for (Flutterwave v4: <c>PUT /charges/{id}</c> with <c>ChargeUpdateRequest</c>):
/// a <c>PUT</c> whose path is <c>/charges/{x}</c>, whose only required inputs are that path parameter and a JSON body
/// object with an <c>authorization</c> object; that object has <c>type</c> (a string or an enum with the value) and
/// <c>pin</c> (an object with an encrypted <c>encrypted_pin</c>), <c>otp</c> (an object with a string <c>code</c>) or
/// <c>avs</c> (an object with an object <c>address</c>). The redirect helper needs the operation's result to be an
/// object with <c>next_action</c> holding <c>type</c> and <c>redirect_url.url</c>. Every object a helper creates
/// must have no other C#-required member.
/// </remarks>
internal static class NextActionHelpersView
{
    public static (string ClassName, object View)? Create(SpecModel spec, CSharpTypes types, string version)
    {
        var match = StructuralMatch.Index(spec);
        var objects = match.Objects;
        var found = FindUpdateOperation(spec, objects);
        if (found is null)
        {
            return null;
        }

        var (operation, clientClass) = found.Value;
        var pathParameter = operation.Parameters.Single(p => p.Location == ParameterLocation.Path);
        var update = objects[operation.Body!.Type.Name!];
        var authorizationProperty = update.Properties.First(p => p.JsonName == "authorization");
        var authorization = objects[authorizationProperty.Type.Name!];
        var typeProperty = Property(authorization, "type");

        var submits = new List<object>();
        var returnType = ReturnType(operation.Response, types);
        if (returnType is null)
        {
            return null;
        }

        string? Body(string kind, string propertyJsonName, string inner)
        {
            if (Property(authorization, propertyJsonName) is not { } member || match.ValueExpression(typeProperty, kind, types) is not { } typeValue)
            {
                return null;
            }

            if (!OnlyRequired(update, "authorization") || !OnlyRequired(authorization, "type", propertyJsonName))
            {
                return null;
            }

            var updateName = types.TypeName(new TypeRef(TypeKind.Model, update.Name));
            var authorizationName = types.TypeName(new TypeRef(TypeKind.Model, authorization.Name));
            return $"new {updateName} {{ {authorizationProperty.Name} = new {authorizationName} {{ {typeProperty!.Name} = {typeValue}, {member.Name} = {inner} }} }}";
        }

        // PIN: the plaintext property the encryption support adds, so the PIN is encrypted at send time.
        if (Property(authorization, "pin") is { Type.Kind: TypeKind.Model } pinMember
            && objects.TryGetValue(pinMember.Type.Name!, out var pinObject)
            && pinObject.EncryptedFields.FirstOrDefault(f => f.EncryptedJsonName == "encrypted_pin") is { } pinField
            && OnlyRequired(pinObject)
            && Body("pin", "pin", $"new {types.TypeName(pinMember.Type)} {{ {pinField.PlainName} = pin }}") is { } pinBody)
        {
            submits.Add(Submit("SubmitPinAsync", "pin", "string", "The card's PIN in plain text: encrypted when the request is sent (needs <c>FlutterwaveOptions.EncryptionKey</c>) and never written as plain JSON", pinBody, cardData: true,
                "Answers a <c>requires_pin</c> next action: sends the PIN as a <c>pin</c> authorization, encrypted with a fresh nonce."));
        }

        if (Property(authorization, "otp") is { Type.Kind: TypeKind.Model } otpMember
            && objects.TryGetValue(otpMember.Type.Name!, out var otpObject)
            && Property(otpObject, "code") is { Type.Kind: TypeKind.String } codeMember
            && OnlyRequired(otpObject, "code")
            && Body("otp", "otp", $"new {types.TypeName(otpMember.Type)} {{ {codeMember.Name} = code }}") is { } otpBody)
        {
            submits.Add(Submit("SubmitOtpAsync", "code", "string", "The one-time code the customer received", otpBody, cardData: false,
                "Answers a <c>requires_otp</c> next action: sends the code as an <c>otp</c> authorization."));
        }

        if (Property(authorization, "avs") is { Type.Kind: TypeKind.Model } avsMember
            && objects.TryGetValue(avsMember.Type.Name!, out var avsObject)
            && Property(avsObject, "address") is { Type.Kind: TypeKind.Model } addressMember
            && objects.ContainsKey(addressMember.Type.Name!)
            && OnlyRequired(avsObject, "address")
            && Body("avs", "avs", $"new {types.TypeName(avsMember.Type)} {{ {addressMember.Name} = address }}") is { } avsBody)
        {
            submits.Add(Submit("SubmitAvsAddressAsync", "address", types.TypeName(addressMember.Type), "The customer's billing address, for address verification", avsBody, cardData: false,
                "Answers an address request (AVS): sends the billing address as an <c>avs</c> authorization."));
        }

        var redirect = RedirectView(operation.Response, match, types);
        if (submits.Count == 0 && redirect is null)
        {
            return null;
        }

        var typeNames = new NameScope(ignoreCase: true, spec.Types.Select(t => t.Name).Concat(spec.Groups.Select(g => g.ClassName)).Concat(new[] { spec.ClientName }));
        var className = typeNames.Claim("ChargeNextActions");
        var view = new
        {
            spec.Namespace,
            Version = version,
            ClassName = className,
            ClientType = "global::" + spec.Namespace + "." + clientClass,
            PathParameterType = types.TypeName(pathParameter.Type),
            OperationXml = XmlDoc.Escape($"{operation.HttpMethod} {operation.PathTemplate}"),
            operation.MethodName,
            ReturnType = returnType,
            Submits = submits,
            HasRedirect = redirect is not null,
            Redirect = redirect,
        };
        return (className, view);

        object Submit(string name, string parameter, string parameterType, string parameterDoc, string body, bool cardData, string summary) => new
        {
            Name = name,
            Parameter = parameter,
            ParameterType = parameterType,
            ParameterDoc = parameterDoc,
            ParameterAttribute = cardData ? "[global::Flutterwave.Runtime.Annotations.CardData] " : string.Empty,
            Body = body,
            Summary = summary,
        };
    }

    private static (OperationModel Operation, string ClientClass)? FindUpdateOperation(SpecModel spec, Dictionary<string, ObjectModel> objects)
    {
        var candidates = spec.Groups.SelectMany(g => g.Operations.Select(o => (o, g.ClassName)))
            .Concat(spec.RootOperations.Select(o => (o, spec.ClientName)));
        foreach (var (operation, clientClass) in candidates)
        {
            if (operation.HttpMethod != "PUT"
                || operation.PathSegments.Count != 2
                || operation.PathSegments[0].Literal != "/charges/"
                || operation.PathSegments[1].ParameterName is null
                || operation.Parameters.Count(p => p.Location == ParameterLocation.Path) != 1
                || operation.Parameters.Any(p => p.Location != ParameterLocation.Path && p.Required)
                || operation.Body is not { Kind: BodyKind.Json, Required: true, Type: { Kind: TypeKind.Model, Name: { } bodyName } }
                || !objects.TryGetValue(bodyName, out var body)
                || Property(body, "authorization") is not { Type: { Kind: TypeKind.Model, Name: { } authorizationName } }
                || !objects.ContainsKey(authorizationName))
            {
                continue;
            }

            return (operation, clientClass);
        }

        return null;
    }

    private static object? RedirectView(ResponseModel response, StructuralMatch match, CSharpTypes types)
    {
        if (response.Kind is not (ResultKind.EnvelopeData or ResultKind.Json)
            || response.Type is not { Kind: TypeKind.Model, Name: { } resultName }
            || !match.Objects.TryGetValue(resultName, out var result)
            || Property(result, "next_action") is not { Type: { Kind: TypeKind.Model, Name: { } nextName } } nextMember
            || !match.Objects.TryGetValue(nextName, out var next)
            || match.ValueExpression(Property(next, "type"), "redirect_url", types) is not { } typeValue
            || Property(next, "redirect_url") is not { Type: { Kind: TypeKind.Model, Name: { } redirectName } } redirectMember
            || !match.Objects.TryGetValue(redirectName, out var redirect)
            || Property(redirect, "url") is not { Type.Kind: TypeKind.Uri or TypeKind.String } urlMember)
        {
            return null;
        }

        return new
        {
            TargetType = types.TypeName(response.Type),
            UrlType = types.TypeName(urlMember.Type, nullable: true),
            Expression = $"target.{nextMember.Name} is {{ }} next && next.{Property(next, "type")!.Name} == {typeValue} ? next.{redirectMember.Name}?.{urlMember.Name} : null",
        };
    }

    /// <summary>No C#-required member other than <paramref name="allowed"/>: an initializer setting those compiles.</summary>
    private static bool OnlyRequired(ObjectModel model, params string[] allowed) =>
        model.Properties.All(p => !p.IsRequiredMember || allowed.Contains(p.JsonName));

    private static string? ReturnType(ResponseModel response, CSharpTypes types) => response.Kind switch
    {
        ResultKind.None => "global::System.Threading.Tasks.Task",
        ResultKind.EnvelopeData or ResultKind.Json when response.Type is { } type => $"global::System.Threading.Tasks.Task<{types.TypeName(type)}>",
        _ => null,
    };
}
