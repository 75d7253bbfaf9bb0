namespace Flutterwave.Codegen.Model;

// Clients, operations and their inputs and outputs (see SpecModel.cs for what the model may hold).

/// <summary>A client class for one tag.</summary>
internal sealed record ClientGroupModel(string PropertyName, string ClassName, DocModel Doc, EquatableArray<OperationModel> Operations);

/// <summary>One operation: a method on a client.</summary>
internal sealed record OperationModel(
    string MethodName,
    string OperationId,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<PathSegmentModel> PathSegments,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Response,
    DocModel Doc,
    bool NoAuthentication = false,
    OperationConventionsModel? Conventions = null);

/// <summary>A piece of a path: literal text, or the parameter whose value goes there.</summary>
internal sealed record PathSegmentModel(string? Literal, string? ParameterName);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A method parameter bound to a path, query or header parameter.</summary>
/// <param name="RoleHint">The parameter's <c>x-codegen-header</c> extension, as written: what a header carries (<c>idempotency-key</c>, <c>trace-id</c>, <c>scenario-key</c>).</param>
internal sealed record ParameterModel(
    string Name,
    string ApiName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Explode,
    DocModel Doc,
    ConstraintModel Constraints,
    string? RoleHint = null);

internal enum BodyKind
{
    Json,
    Text,
    Binary,
}

/// <summary>The request body parameter.</summary>
internal sealed record BodyModel(string ParameterName, TypeRef Type, BodyKind Kind, string ContentType, bool Required, DocModel Doc);

internal enum ResultKind
{
    /// <summary>No body, or one the operation does not describe: the method returns <c>Task</c>.</summary>
    None,
    Json,
    Text,
    Binary,
}

/// <summary>What the success response holds, as the spec declares it (an envelope is recorded by the Conventions stage).</summary>
internal sealed record ResponseModel(ResultKind Kind, TypeRef? Type, string? Description)
{
    public static readonly ResponseModel None = new(ResultKind.None, null, null);
}

internal enum SecuritySchemeKind
{
    OAuth2ClientCredentials,
    ApiKeyHeader,
    ApiKeyQuery,
    HttpBearer,
    HttpBasic,
    Other,
}

/// <summary>A security scheme the runtime can apply.</summary>
/// <param name="TokenUrl">For OAuth2: the absolute token URL (a relative one resolved against the first server), if any.</param>
/// <param name="AddedByConvention">Not in the document: a convention adds it (Flutterwave's OAuth2 token endpoint).</param>
internal sealed record SecuritySchemeModel(string Key, SecuritySchemeKind Kind, string? ParameterName, string? TokenUrl, bool AddedByConvention = false);
