namespace Flutterwave.Codegen.Naming;

/// <summary>Member names generated types already use, which a spec's names must not take.</summary>
internal static class ReservedNames
{
    /// <summary>Members of every generated object and union class.</summary>
    public static readonly string[] ObjectMembers = { "ReadJson", "WriteJson", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize" };
}
