using System;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Decides which convention profile a spec gets, in this order: the item's <c>Conventions</c> metadata
/// (<c>flutterwave</c> or <c>none</c>), the document's <c>x-codegen-conventions</c> extension, then <c>auto</c>: a
/// document whose servers or OAuth2 token URL are on <c>flutterwave.com</c> is a Flutterwave spec (so Flutterwave's
/// own published specs get the same conventions as the bundled one). Anything else is an exact client.
/// </summary>
internal static class ProfileSelector
{
    public const string Auto = "auto";
    public const string FlutterwaveValue = "flutterwave";
    public const string NoneValue = "none";

    /// <summary>Whether a <c>Conventions</c> value is one the generator understands (case-insensitive).</summary>
    public static bool IsKnownValue(string value) =>
        string.Equals(value, Auto, StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, FlutterwaveValue, StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, NoneValue, StringComparison.OrdinalIgnoreCase);

    public static (ConventionProfile Profile, string Reason) Select(SpecModel spec)
    {
        var request = spec.ConventionRequest ?? ConventionRequest.None;
        if (Explicit(request.ItemValue) is { } fromItem)
        {
            return (fromItem, $"the item's Conventions metadata is '{request.ItemValue}'");
        }

        if (Explicit(request.DocumentValue) is { } fromDocument)
        {
            return (fromDocument, $"the document's x-codegen-conventions is '{request.DocumentValue}'");
        }

        foreach (var url in spec.ServerUrls)
        {
            if (FlutterwaveFacts.IsFlutterwaveHost(url))
            {
                return (ConventionProfile.Flutterwave, $"the document's server {url} is Flutterwave's");
            }
        }

        foreach (var scheme in spec.SecuritySchemes)
        {
            if (scheme.TokenUrl is { } tokenUrl && FlutterwaveFacts.IsFlutterwaveHost(tokenUrl))
            {
                return (ConventionProfile.Flutterwave, $"the document's OAuth2 token URL {tokenUrl} is Flutterwave's");
            }
        }

        return (ConventionProfile.None, "the document is not a Flutterwave spec and asks for no conventions");
    }

    private static ConventionProfile? Explicit(string? value) =>
        string.Equals(value, FlutterwaveValue, StringComparison.OrdinalIgnoreCase) ? ConventionProfile.Flutterwave
        : string.Equals(value, NoneValue, StringComparison.OrdinalIgnoreCase) ? ConventionProfile.None
        : null;
}
