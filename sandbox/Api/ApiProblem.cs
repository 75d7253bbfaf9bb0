using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api;

/// <summary>
/// An error answer in Flutterwave's shape, thrown by a handler and written by the pipeline. Messages name fields and
/// never repeat the values sent.
/// </summary>
internal sealed class ApiProblem : Exception
{
    public ApiProblem(int status, string type, string code, string message, IReadOnlyList<FieldError>? validationErrors = null)
        : base(message)
    {
        Status = status;
        Type = type;
        Code = code;
        ValidationErrors = validationErrors ?? Array.Empty<FieldError>();
    }

    public int Status { get; }

    public string Type { get; }

    public string Code { get; }

    public IReadOnlyList<FieldError> ValidationErrors { get; }

    public static ApiProblem Invalid(IReadOnlyList<FieldError> errors) =>
        new(400, "REQUEST_NOT_VALID", "10400", "The request is not valid: see validation_errors.", errors);

    public static ApiProblem Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ApiProblem BadRequest(string type, string message) => new(400, type, "10400", message);

    public static ApiProblem Unauthorized(string message) => new(401, "UNAUTHORIZED", "10401", message);

    public static ApiProblem NotFound(string message) => new(404, "RESOURCE_NOT_FOUND", "10404", message);

    public static ApiProblem MethodNotAllowed() => new(405, "METHOD_NOT_ALLOWED", "10405", "This method is not allowed on this path.");

    public static ApiProblem Conflict(string type, string message) => new(409, type, "10409", message);

    /// <summary>
    /// A domain error with its long code, whose last three digits are the HTTP status (<c>REFUND_NOT_FOUND</c>,
    /// <c>1401404</c>: 404).
    /// </summary>
    public static ApiProblem Domain(string type, string code, string message) =>
        new(int.Parse(code.AsSpan(code.Length - 3), System.Globalization.CultureInfo.InvariantCulture), type, code, message);

    /// <summary>Badly formed paging parameters: Flutterwave's code <c>701500</c>, answered 400 (its status is not documented).</summary>
    public static ApiProblem Pagination(string message) => new(400, "INVALID_PAGINATION_TYPE", "701500", message);

    public static ApiProblem Unprocessable(string message) => new(422, "UNPROCESSABLE", "10422", message);

    public static ApiProblem Encryption(string field) =>
        new(422, "CLIENT_ENCRYPTION_ERROR", "10422", "Encrypted fields could not be decrypted with the merchant's encryption key.",
            [new FieldError(field, "could not be decrypted: check the encryption key, the nonce and the encoding")]);

    public static ApiProblem Unavailable() => new(503, "SERVICE_UNAVAILABLE", "10503", "The service is temporarily unavailable; retry with the same idempotency key.");

    public JsonObject ToJson()
    {
        var error = new JsonObject
        {
            ["type"] = Type,
            ["code"] = Code,
            ["message"] = Message,
        };
        if (ValidationErrors.Count > 0)
        {
            var list = new JsonArray();
            foreach (var e in ValidationErrors)
            {
                list.Add(new JsonObject { ["field_name"] = e.Field, ["message"] = e.Message });
            }

            error["validation_errors"] = list;
        }

        return new JsonObject { ["status"] = "failed", ["error"] = error };
    }
}
