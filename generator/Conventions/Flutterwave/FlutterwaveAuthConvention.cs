using System.Linq;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Flutterwave's bearer tokens come from OAuth2 client credentials at Flutterwave's identity provider, but the
/// specs Flutterwave publishes declare only <c>http: bearer</c>. Such a spec also gets the client-credentials
/// scheme (first, so setting <c>ClientId</c> and <c>ClientSecret</c> selects it; <c>AccessToken</c> still works).
/// </summary>
internal static class FlutterwaveAuthConvention
{
    public const string SchemeKey = "flutterwaveClientCredentials";

    public static EquatableArray<SecuritySchemeModel> Apply(EquatableArray<SecuritySchemeModel> schemes)
    {
        if (schemes.Any(s => s.Kind == SecuritySchemeKind.OAuth2ClientCredentials) || !schemes.Any(s => s.Kind == SecuritySchemeKind.HttpBearer))
        {
            return schemes;
        }

        var added = new SecuritySchemeModel(SchemeKey, SecuritySchemeKind.OAuth2ClientCredentials, null, FlutterwaveFacts.TokenUrl, AddedByConvention: true);
        return new[] { added }.Concat(schemes).ToEquatableArray();
    }
}
