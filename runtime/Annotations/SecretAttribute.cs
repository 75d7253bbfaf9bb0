using System;

namespace Flutterwave.Runtime.Annotations;

/// <summary>
/// Marks a member that holds a credential: a client secret, an encryption key, an API key or an access token.
/// </summary>
/// <remarks>
/// Values of marked members never appear in logs, exception messages or <c>ToString()</c>, and the analyzers flag
/// string literals assigned to them in non-test code.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class SecretAttribute : Attribute
{
}
