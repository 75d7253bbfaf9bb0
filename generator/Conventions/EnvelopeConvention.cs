using System.Collections.Generic;
using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// A JSON response whose schema is an object with <c>status</c> and <c>data</c> and nothing but <c>status</c>,
/// <c>message</c>, <c>data</c> and <c>meta</c> is an envelope: the method returns <c>data</c>; with an array
/// <c>data</c> and a <c>meta</c>, a page of the items. Applies to every spec whose responses have that shape
/// (Flutterwave's do); any other response is returned whole.
/// </summary>
internal static class EnvelopeConvention
{
    private static readonly HashSet<string> EnvelopeMembers = new() { "status", "message", "data", "meta" };

    public static EnvelopeModel? Find(OperationModel operation, ModelIndex index)
    {
        if (operation.Response.Kind != ResultKind.Json || index.Object(operation.Response.Type) is not { } model)
        {
            return null;
        }

        var names = model.Properties.Select(p => p.JsonName).ToList();
        if (!names.Contains("data") || !names.Contains("status") || !names.All(EnvelopeMembers.Contains))
        {
            return null;
        }

        var data = ModelIndex.Property(model, "data")!.Type;
        return data.Kind == TypeKind.List && names.Contains("meta")
            ? new EnvelopeModel(EnvelopeKind.Page, data.Item!)
            : new EnvelopeModel(EnvelopeKind.Data, data);
    }
}
