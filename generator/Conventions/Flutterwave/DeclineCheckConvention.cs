using System.Collections.Generic;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Flutterwave v4 reports a declined card as a successful call whose charge or order has <c>status: failed</c> and a
/// <c>processor_response { type, code }</c>. Every object of that shape gets <c>ThrowIfDeclined()</c>: an object with
/// a <c>status</c> that is a string or an enum with the value <c>failed</c>, and a <c>processor_response</c> object
/// with string <c>type</c> and <c>code</c>; string <c>id</c> and <c>reference</c> go into the exception when present.
/// </summary>
internal static class DeclineCheckConvention
{
    /// <summary>The value of <c>status</c> that means declined.</summary>
    private const string Failed = "failed";

    public static List<DeclineCheckModel> Find(ModelIndex index)
    {
        var checks = new List<DeclineCheckModel>();
        foreach (var model in index.Objects)
        {
            if (ModelIndex.Property(model, "status") is not { } status
                || index.Value(status, Failed) is not { } failed
                || ModelIndex.Property(model, "processor_response") is not { } processorResponse
                || index.Object(processorResponse.Type) is not { } response
                || ModelIndex.Property(response, "type") is not { Type.Kind: TypeKind.String } declineType
                || ModelIndex.Property(response, "code") is not { Type.Kind: TypeKind.String } declineCode)
            {
                continue;
            }

            checks.Add(new DeclineCheckModel(
                model.Name,
                status.Name,
                failed,
                processorResponse.Name,
                declineType.Name,
                declineCode.Name,
                StringMember(model, "id"),
                StringMember(model, "reference")));
        }

        return checks;
    }

    private static string? StringMember(ObjectModel model, string jsonName) =>
        ModelIndex.Property(model, jsonName) is { Type.Kind: TypeKind.String } property ? property.Name : null;
}
