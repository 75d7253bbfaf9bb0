namespace Flutterwave.Codegen.Model;

// The decisions of the Conventions stage (generator/Conventions), recorded so that Emitting only renders them.
// Reading never creates any of these.

/// <summary>Which family of conventions a spec gets.</summary>
internal enum ConventionProfile
{
    /// <summary>An exact client: only what the document itself declares.</summary>
    None,

    /// <summary>Flutterwave v4: envelope, trace and idempotency headers on every call, card encryption, declines, next_action.</summary>
    Flutterwave,
}

/// <summary>
/// What was asked for: the <c>Conventions</c> item metadata (<c>auto</c>, <c>flutterwave</c>, <c>none</c>) and the
/// document's <c>x-codegen-conventions</c> extension, as written (trimmed), or <see langword="null"/>.
/// </summary>
internal sealed record ConventionRequest(string? ItemValue, string? DocumentValue)
{
    public static readonly ConventionRequest None = new(null, null);
}

/// <summary>The options class a client is configured with.</summary>
internal enum OptionsKind
{
    /// <summary><c>Flutterwave.Runtime.ApiClientOptions</c>.</summary>
    ApiClient,

    /// <summary><c>Flutterwave.Runtime.FlutterwaveOptions</c> (adds the card encryption key).</summary>
    Flutterwave,
}

/// <summary>The spec-wide decisions.</summary>
/// <param name="Reason">Why the profile applies, in words (for docs and tests).</param>
/// <param name="DeclineChecksClass">The class holding <c>ThrowIfDeclined</c> helpers, when there are any.</param>
internal sealed record SpecConventionsModel(
    ConventionProfile Profile,
    string Reason,
    OptionsKind Options,
    string? DeclineChecksClass,
    EquatableArray<DeclineCheckModel> DeclineChecks,
    NextActionsModel? NextActions);

/// <summary>An operation's decisions.</summary>
/// <param name="IdempotencyKey">The header that carries <c>RequestOptions.IdempotencyKey</c>, or <see langword="null"/>: none is sent.</param>
/// <param name="TraceId">The header that carries <c>RequestOptions.TraceId</c>, or <see langword="null"/>.</param>
/// <param name="ScenarioKey">The header that carries <c>RequestOptions.ScenarioKey</c>, or <see langword="null"/>.</param>
/// <param name="Envelope">The response is an envelope whose <c>data</c> the method returns, or <see langword="null"/>.</param>
/// <param name="Paging">The operation pages and gets an auto-paging method, or <see langword="null"/>.</param>
internal sealed record OperationConventionsModel(
    OptionHeaderModel? IdempotencyKey,
    OptionHeaderModel? TraceId,
    OptionHeaderModel? ScenarioKey,
    EnvelopeModel? Envelope,
    PagingModel? Paging)
{
    public static readonly OperationConventionsModel None = new(null, null, null, null, null);
}

/// <summary>A header filled from a <c>RequestOptions</c> value, with the rules a value must meet before it is sent.</summary>
/// <param name="HeaderName">The header, as the spec (or the convention) names it.</param>
/// <param name="Required">A request without a value is refused (the spec requires the header and no value can be generated).</param>
/// <param name="GenerateWhenMissing">When the caller gives no value, a random one is generated once per call (and reused by every retry).</param>
/// <param name="Declared">The operation declares the header; <see langword="false"/> when only the convention adds it.</param>
internal sealed record OptionHeaderModel(
    string HeaderName,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    bool Required,
    bool GenerateWhenMissing,
    bool Declared);

internal enum EnvelopeKind
{
    /// <summary><c>{ status, message, data }</c>: the method returns <c>data</c>.</summary>
    Data,

    /// <summary><c>{ status, message, data: [...], meta }</c>: the method returns a page of the items.</summary>
    Page,
}

/// <summary>An envelope response.</summary>
/// <param name="Type">The type of <c>data</c>; for <see cref="EnvelopeKind.Page"/>, the item type.</param>
internal sealed record EnvelopeModel(EnvelopeKind Kind, TypeRef Type);

internal enum PagingStyle
{
    /// <summary>A <c>page</c> query parameter counting from 1, and <c>meta.page_info</c> saying how many pages there are.</summary>
    PageNumber,
}

/// <summary>How an operation pages, for its <c>...AutoPagingAsync</c> method.</summary>
/// <param name="PageParameter">The C# name of the parameter the auto-paging method drives.</param>
/// <param name="MethodName">The auto-paging method's name.</param>
internal sealed record PagingModel(PagingStyle Style, string PageParameter, TypeKind PageType, string MethodName);

/// <summary>An object with client-side encrypted members: <c>nonce</c> plus <c>encrypted_*</c>.</summary>
/// <param name="NonceRequired">The spec requires <c>nonce</c>.</param>
internal sealed record EncryptionModel(string NonceProperty, string NonceJsonName, bool NonceRequired, EquatableArray<EncryptedFieldModel> Fields);

/// <summary>
/// A pair the spec marks as client-side encrypted: <c>encrypted_&lt;name&gt;</c> next to a <c>nonce</c> property.
/// </summary>
/// <param name="PlainName">The plaintext property the generated class adds (unique among its members).</param>
/// <param name="Required">The spec requires the encrypted member in requests (required, not read-only): a request must carry one form or the other.</param>
internal sealed record EncryptedFieldModel(string PlainName, string EncryptedJsonName, string EncryptedPropertyName, bool Required);

/// <summary>Whether a member holds card data, for the <c>[CardData]</c> annotation the analyzers read.</summary>
internal enum CardDataKind
{
    None,

    /// <summary>Card data in plain text (a card number, CVV, PIN, expiry).</summary>
    Plain,

    /// <summary>The encrypted form of card data, paired with a nonce.</summary>
    Ciphertext,
}

/// <summary>A value of a string or enum member: a string literal, or the enum member with that value.</summary>
internal sealed record ValueRefModel(string Value, string? EnumType, string? EnumMember);

/// <summary><c>ThrowIfDeclined()</c> for one object type that reports a payment outcome.</summary>
internal sealed record DeclineCheckModel(
    string TargetType,
    string StatusProperty,
    ValueRefModel Failed,
    string ProcessorResponseProperty,
    string DeclineTypeProperty,
    string DeclineCodeProperty,
    string? IdProperty,
    string? ReferenceProperty);

/// <summary>The <c>next_action</c> helpers: extension methods that continue a pending charge.</summary>
/// <param name="ClientClass">The client class that has the update operation.</param>
/// <param name="MethodName">The update operation's method.</param>
/// <param name="OperationText">For docs: <c>PUT /charges/{id}</c>.</param>
/// <param name="ResultType">What the update operation returns, or <see langword="null"/> for nothing.</param>
internal sealed record NextActionsModel(
    string ClassName,
    string ClientClass,
    string MethodName,
    TypeRef ChargeIdType,
    string OperationText,
    TypeRef? ResultType,
    EquatableArray<NextActionSubmitModel> Submits,
    NextActionRedirectModel? Redirect);

/// <summary>One <c>Submit...Async</c> helper: its parameter, and the update body built from it.</summary>
internal sealed record NextActionSubmitModel(
    string MethodName,
    string ParameterName,
    TypeRef ParameterType,
    bool CardData,
    string ParameterDoc,
    string Summary,
    ObjectInitModel Body);

/// <summary>An object creation with an initializer: <c>new T { A = ..., B = ... }</c>.</summary>
internal sealed record ObjectInitModel(string TypeName, EquatableArray<MemberInitModel> Members);

/// <summary>One member of an initializer: a nested object, a string or enum value, or the helper's parameter.</summary>
internal sealed record MemberInitModel(string Member, ObjectInitModel? Object = null, ValueRefModel? Value = null, string? Parameter = null);

/// <summary><c>GetNextActionRedirectUrl()</c>: where a <c>redirect_url</c> next action sends the customer.</summary>
internal sealed record NextActionRedirectModel(
    string TargetType,
    string NextActionProperty,
    string TypeProperty,
    ValueRefModel RedirectValue,
    string RedirectProperty,
    string UrlProperty,
    TypeRef UrlType);
