using System.Net;
using System.Text;

namespace Flutterwave.Runtime.Tests.Errors;

public sealed class ApiExceptionTests
{
    private const string TraceId = "trace0123456789abc";
    private const string IdempotencyKey = "idem0123456789abc";

    private static byte[] Envelope(string type, string code, string message, string validation = "") => Encoding.UTF8.GetBytes(
        $$$"""{"status":"failed","error":{"type":"{{{type}}}","code":"{{{code}}}","message":"{{{message}}}"{{{validation}}}}}""");

    private static ApiException From(int status, byte[] body, TimeSpan? retryAfter = null) =>
        ApiException.FromResponse("POST", "/charges", (HttpStatusCode)status, body, TraceId, IdempotencyKey, retryAfter);

    public static TheoryData<int, Type> SubclassByStatus => new()
    {
        { 400, typeof(ApiBadRequestException) },
        { 401, typeof(ApiUnauthorizedException) },
        { 403, typeof(ApiForbiddenException) },
        { 404, typeof(ApiNotFoundException) },
        { 409, typeof(ApiConflictException) },
        { 422, typeof(ApiUnprocessableException) },
        { 429, typeof(ApiRateLimitedException) },
        { 500, typeof(ApiServerException) },
        { 502, typeof(ApiServerException) },
        { 503, typeof(ApiServerException) },
        { 599, typeof(ApiServerException) },
        { 405, typeof(ApiException) },
        { 408, typeof(ApiException) },
        { 410, typeof(ApiException) },
        { 418, typeof(ApiException) },
    };

    [Theory]
    [MemberData(nameof(SubclassByStatus))]
    public void FromResponse_PicksTheTypeForTheStatus_AndKeepsEverything(int status, Type expected)
    {
        var error = From(status, Envelope("SOME_TYPE", "10" + status, "Something went wrong"));

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("SOME_TYPE", error.ErrorType);
        Assert.Equal("10" + status, error.ErrorCode);
        Assert.Equal("Something went wrong", error.ErrorMessage);
        Assert.Equal(TraceId, error.TraceId);
        Assert.Equal(IdempotencyKey, error.IdempotencyKey);
        Assert.StartsWith($"POST /charges failed with {status} (", error.Message, StringComparison.Ordinal);
        Assert.Contains($"SOME_TYPE 10{status} - Something went wrong.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SubclassByStatus))]
    public void FromResponse_NonJsonBody_StillGivesTheTypeAndAUsefulMessage(int status, Type expected)
    {
        var html = Encoding.UTF8.GetBytes("<html><body><h1>502 Bad Gateway</h1><p>upstream secret-ish detail</p></body></html>");

        var error = From(status, html);

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Null(error.ErrorType);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.ErrorMessage);
        Assert.Empty(error.ValidationErrors);
        Assert.Equal(TraceId, error.TraceId);
        Assert.Contains($"POST /charges failed with {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("upstream", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SubclassByStatus))]
    public void FromResponse_EmptyBody_SaysSo(int status, Type expected)
    {
        var error = From(status, []);

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Null(error.ErrorType);
        Assert.Empty(error.ValidationErrors);
        Assert.Equal(IdempotencyKey, error.IdempotencyKey);
        Assert.Contains($"failed with {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("with an empty body", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"failed","error":{"type":"REQUEST_NOT_VALID","code":"10400","message":"Inva""")]
    [InlineData("""{"status":"failed","error":{"type":"REQUEST_NOT_VALID",""")]
    [InlineData("""{"status":""")]
    [InlineData("{")]
    public void FromResponse_TruncatedJson_IsTreatedAsUnreadable(string truncated)
    {
        var error = From(400, Encoding.UTF8.GetBytes(truncated));

        var badRequest = Assert.IsType<ApiBadRequestException>(error);
        Assert.Null(badRequest.ErrorType);
        Assert.Null(badRequest.ErrorMessage);
        Assert.Equal("POST /charges failed with 400 (BadRequest).", badRequest.Message);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("""{"status":"failed","error":"flat string"}""")]
    public void FromResponse_JsonOfAnotherShape_GivesTheStatusOnly(string json)
    {
        var error = From(404, Encoding.UTF8.GetBytes(json));

        Assert.IsType<ApiNotFoundException>(error);
        Assert.Null(error.ErrorType);
        Assert.Null(error.ErrorCode);
        Assert.Contains("failed with 404 (NotFound)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_MessageAtTheRoot_IsUsed()
    {
        var error = From(400, """{"status":"failed","message":"Root-level explanation"}"""u8.ToArray());

        Assert.Equal("Root-level explanation", error.ErrorMessage);
        Assert.Contains("Root-level explanation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_NumericCode_IsReadAsText()
    {
        var error = From(400, """{"status":"failed","error":{"type":"REQUEST_NOT_VALID","code":10400}}"""u8.ToArray());

        Assert.Equal("10400", error.ErrorCode);
    }

    [Fact]
    public void FromResponse_ValidationErrors_AreKept_AndOnlyTheirFieldNamesReachTheMessage()
    {
        var body = Envelope(
            "REQUEST_NOT_VALID",
            "10400",
            "Invalid request",
            ""","validation_errors":[{"field_name":"reference","message":"value 'abc' is too short"},{"field_name":"amount","message":"must be positive"},{"message":"no field"},"not an object"]""");

        var error = Assert.IsType<ApiBadRequestException>(From(400, body));

        Assert.Equal(
            new[]
            {
                new ApiValidationError("reference", "value 'abc' is too short"),
                new ApiValidationError("amount", "must be positive"),
                new ApiValidationError(null, "no field"),
            },
            error.ValidationErrors);
        Assert.Contains("3 validation errors (reference, amount); see ValidationErrors.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too short", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_ManyValidationErrors_ListsAFewFieldNames()
    {
        var items = string.Join(",", Enumerable.Range(1, 8).Select(i => $$"""{"field_name":"f{{i}}","message":"m"}"""));
        var error = From(400, Envelope("REQUEST_NOT_VALID", "10400", "Invalid", ",\"validation_errors\":[" + items + "]"));

        Assert.Equal(8, error.ValidationErrors.Count);
        Assert.Contains("8 validation errors (f1, f2, f3, f4, f5, ...)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("f6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_LongServerMessage_IsShortenedInTheMessage_ButKeptWhole()
    {
        var serverMessage = new string('x', 1000);
        var error = From(400, Envelope("REQUEST_NOT_VALID", "10400", serverMessage));

        Assert.Equal(1000, error.ErrorMessage!.Length);
        Assert.True(error.Message.Length < 500);
        Assert.Contains(new string('x', 300) + "...", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprocessable_EncryptionError_IsFlagged_AndTheMessagePointsAtTheKey()
    {
        var error = From(422, Envelope("CLIENT_ENCRYPTION_ERROR", "10422", "Unable to decrypt card details"));

        var unprocessable = Assert.IsType<ApiUnprocessableException>(error);
        Assert.True(unprocessable.IsEncryptionError);
        Assert.Contains("encryption key is probably wrong", unprocessable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprocessable_OtherType_IsNotAnEncryptionError()
    {
        var error = From(422, Envelope("CAPTURE_AMOUNT_INVALID", "10422", "Capture amount too large"));

        var unprocessable = Assert.IsType<ApiUnprocessableException>(error);
        Assert.False(unprocessable.IsEncryptionError);
        Assert.DoesNotContain("encryption", unprocessable.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Conflict_ExplainsTheReusedReference()
    {
        var error = From(409, Envelope("CHARGE_ALREADY_EXISTS", "10409", "Charge already exists"));

        Assert.IsType<ApiConflictException>(error);
        Assert.Equal("CHARGE_ALREADY_EXISTS", error.ErrorType);
        Assert.Contains("reused reference", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unauthorized_PointsAtTheCredentials()
    {
        var error = From(401, Envelope("UNAUTHORIZED", "10401", "Invalid token"));

        Assert.IsType<ApiUnauthorizedException>(error);
        Assert.Contains("client id and secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimited_CarriesRetryAfter()
    {
        var error = From(429, Envelope("RATE_LIMITED", "10429", "Too many requests"), TimeSpan.FromSeconds(7.5));

        var limited = Assert.IsType<ApiRateLimitedException>(error);
        Assert.Equal(TimeSpan.FromSeconds(7.5), limited.RetryAfter);
        Assert.Contains("retry after 7.5 s", limited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimited_WithoutRetryAfter_HasNone()
    {
        var limited = Assert.IsType<ApiRateLimitedException>(From(429, []));

        Assert.Null(limited.RetryAfter);
    }

    [Fact]
    public void OldOverload_StillWorks_AndPicksTheSubclass()
    {
        var error = ApiException.FromResponse("GET", "/charges/{id}", HttpStatusCode.NotFound, Envelope("NOT_FOUND", "10404", "No charge"), TraceId, null);

        Assert.IsType<ApiNotFoundException>(error);
        Assert.Equal("GET /charges/{id} failed with 404 (NotFound): NOT_FOUND 10404 - No charge.", error.Message);
        Assert.Null(error.IdempotencyKey);
        Assert.Equal(TraceId, error.TraceId);
    }

    [Fact]
    public void OtherTypes_IgnoreRetryAfter()
    {
        var error = From(503, [], TimeSpan.FromSeconds(3));

        Assert.IsType<ApiServerException>(error);
        Assert.DoesNotContain("retry after", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MessageAndToString_NeverCarryTheBodysOtherContent_TheTraceIdOrTheIdempotencyKey()
    {
        // A body echoing request data beside the envelope (a badly behaved server): only type, code and message are used.
        var body = """{"status":"failed","error":{"type":"REQUEST_NOT_VALID","code":"10400","message":"Invalid"},"request":{"card_number":"4111111111111111","cvv":"123"}}"""u8.ToArray();

        var error = From(400, body);
        var text = error.ToString();

        Assert.False(text.Contains("4111111111111111", StringComparison.Ordinal));
        Assert.False(text.Contains("cvv", StringComparison.Ordinal));
        Assert.False(text.Contains(TraceId, StringComparison.Ordinal));
        Assert.False(text.Contains(IdempotencyKey, StringComparison.Ordinal));
        Assert.StartsWith("Flutterwave.Runtime.ApiBadRequestException: POST /charges failed with 400 (BadRequest): REQUEST_NOT_VALID 10400 - Invalid.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicConstructors_SetTheirStatus()
    {
        Assert.Equal(HttpStatusCode.BadRequest, new ApiBadRequestException("m").StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, new ApiUnauthorizedException("m").StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, new ApiForbiddenException("m").StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, new ApiNotFoundException("m").StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, new ApiConflictException("m").StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, new ApiUnprocessableException("m").StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, new ApiRateLimitedException("m").StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, new ApiServerException(HttpStatusCode.BadGateway, "m").StatusCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiServerException(HttpStatusCode.NotFound, "m"));
        Assert.Empty(new ApiNotFoundException("m").ValidationErrors);
    }

    public static TheoryData<string, string, string?, string, string> OtherApisErrorShapes => new()
    {
        // Adyen: errorType / errorCode / message / invalidFields (the rejected value is never read).
        { """{"status":422,"errorCode":"14_030","message":"Return URL is missing.","errorType":"validation","invalidFields":[{"name":"returnUrl","value":"5531886652142950","message":"is missing"}]}""", "validation", "14_030", "Return URL is missing.", "returnUrl" },
        // PayPal: name / message / details.
        { """{"name":"UNPROCESSABLE_ENTITY","message":"The requested action could not be performed.","debug_id":"abc","details":[{"field":"/purchase_units/0/amount","value":"4111111111111111","issue":"AMOUNT_MISMATCH","description":"Should equal item total."}]}""", "UNPROCESSABLE_ENTITY", null, "The requested action could not be performed.", "/purchase_units/0/amount" },
        // Square: an errors array.
        { """{"errors":[{"category":"INVALID_REQUEST_ERROR","code":"MISSING_REQUIRED_PARAMETER","detail":"Missing amount_money.","field":"amount_money"}]}""", "INVALID_REQUEST_ERROR", "MISSING_REQUIRED_PARAMETER", "Missing amount_money.", "amount_money" },
        // RFC 9457 problem details.
        { """{"type":"https://example.test/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your balance is 30, but that costs 50.","errors":[{"field":"amount","detail":"too large"}]}""", "https://example.test/probs/out-of-credit", null, "Your balance is 30, but that costs 50.", "amount" },
    };

    [Theory]
    [MemberData(nameof(OtherApisErrorShapes))]
    public void OtherApisErrorBodies_AreReadToo_WithoutTheRejectedValues(string body, string type, string? code, string message, string field)
    {
        var error = From(422, Encoding.UTF8.GetBytes(body));

        Assert.Equal(type, error.ErrorType);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(field, Assert.Single(error.ValidationErrors).FieldName);
        Assert.False(error.Message.Contains("5531886652142950", StringComparison.Ordinal) || error.Message.Contains("4111111111111111", StringComparison.Ordinal), "The message holds a rejected value.");
        Assert.DoesNotContain(error.ValidationErrors, v => (v.Message ?? string.Empty).Contains("1111", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOAuthErrorBody_GivesItsCodeAndDescription()
    {
        var error = From(401, Encoding.UTF8.GetBytes("""{"error":"invalid_client","error_description":"Client authentication failed."}"""));

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Equal("Client authentication failed.", error.ErrorMessage);
    }

    [Fact]
    public void AConflictThatIsNotAReusedReference_GetsTheGeneralHint()
    {
        var reused = From(409, Envelope("CHARGE_ALREADY_EXISTS", "10409", "exists"));
        var other = From(409, Encoding.UTF8.GetBytes("""{"message":"Version mismatch."}"""));

        Assert.Contains("reused reference", reused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reference", other.Message, StringComparison.Ordinal);
        Assert.Contains("conflicts with the resource's current state", other.Message, StringComparison.Ordinal);
    }
}
