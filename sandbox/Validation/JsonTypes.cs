namespace Flutterwave.Sandbox.Validation;

/// <summary>The JSON Schema <c>type</c> names a schema allows; <see cref="None"/> means any type.</summary>
[Flags]
internal enum JsonTypes
{
    /// <summary>No <c>type</c> keyword: every type is allowed.</summary>
    None = 0,

    /// <summary><c>string</c>.</summary>
    String = 1,

    /// <summary><c>number</c>: any JSON number.</summary>
    Number = 2,

    /// <summary><c>integer</c>: a JSON number with no fractional part (<c>1.0</c> counts).</summary>
    Integer = 4,

    /// <summary><c>boolean</c>.</summary>
    Boolean = 8,

    /// <summary><c>object</c>.</summary>
    Object = 16,

    /// <summary><c>array</c>.</summary>
    Array = 32,

    /// <summary><c>null</c>, from a 3.1 type array or 3.0 <c>nullable: true</c>.</summary>
    Null = 64,
}
