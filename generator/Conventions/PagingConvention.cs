using System;
using System.Linq;
using Flutterwave.Codegen.Model;
using Flutterwave.Codegen.Naming;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// A page envelope whose operation takes an optional integer <c>page</c> query parameter pages by number: it gets
/// an <c>...AutoPagingAsync</c> method that asks for page 1, 2, ... until <c>meta.page_info</c> says there is no
/// next page. Applies to every spec with that shape.
/// </summary>
internal static class PagingConvention
{
    public static PagingModel? Find(OperationModel operation, EnvelopeModel? envelope, NameScope methodNames)
    {
        if (envelope?.Kind != EnvelopeKind.Page || !operation.MethodName.EndsWith("Async", StringComparison.Ordinal))
        {
            return null;
        }

        var page = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.ApiName == "page" && !p.Required
            && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        if (page is null)
        {
            return null;
        }

        var name = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "AutoPagingAsync";
        if (methodNames.IsTaken(name))
        {
            // The spec has an operation of that name already: no auto-paging method rather than a clash.
            return null;
        }

        methodNames.Reserve(name);
        return new PagingModel(PagingStyle.PageNumber, page.Name, page.Type.Kind, name);
    }
}
