using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>Generated clients over real HTTP on 127.0.0.1: what goes on the wire, and what comes back.</summary>
public sealed class ClientHttpTests
{
    private const string CustomerJson = """{"id":"cus_1","email":"ada@example.com","name":{"first":"Ada"}}""";

    [Fact]
    public async Task Post_SendsMethodPathHeadersAndJsonBody_AndReturnsTheEnvelopesData()
    {
        await using var server = await Serve(201, $$"""{"status":"success","message":"Customer created","data":{{CustomerJson}}}""");
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);

        var customer = await client.Customers.CreateCustomerAsync(
            new CustomerRequest { Email = "ada@example.com", Name = new CustomerName { First = "Ada" } },
            new RequestOptions { IdempotencyKey = "idem0123456789", TraceId = "trace0123456789", ScenarioKey = "scenario:auth_pin" });

        Assert.Equal("cus_1", customer.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/customers", request.RawTarget);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("idem0123456789", request.Headers["X-Idempotency-Key"]);
        Assert.Equal("trace0123456789", request.Headers["X-Trace-Id"]);
        // The spec declares X-Scenario-Key for payment operations only, not for creating a customer.
        Assert.False(request.Headers.ContainsKey("X-Scenario-Key"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"email":"ada@example.com","name":{"first":"Ada"}}"""), JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task List_SendsQuery_AndReturnsAPageWithPageInfo()
    {
        await using var server = await Serve(200, """{"status":"success","message":"ok","data":[""" + CustomerJson + """],"meta":{"page_info":{"total":11,"current_page":2,"total_pages":3}}}""");
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);

        var page = await client.Customers.ListCustomersAsync(limit: 5, page: 2);

        Assert.Equal("GET", Assert.Single(server.Requests).Method);
        Assert.Equal("/customers?limit=5&page=2", server.Requests.Single().RawTarget);
        Assert.Equal("cus_1", Assert.Single(page.Items).Id);
        Assert.Equal(new Flutterwave.Runtime.Paging.PageInfo(11, 2, 3), page.PageInfo);
        Assert.True(page.HasNextPage);
        Assert.Empty(server.Requests.Single().Body);
    }

    [Fact]
    public async Task PathParameter_IsEscaped_AndBaseAddressPathIsKept()
    {
        await using var server = await Serve(200, $$"""{"status":"success","message":"ok","data":{{CustomerJson}}}""");
        var client = new FlutterwaveClient(new HttpClient(), new Uri(server.BaseAddress, "f4b/sandbox"));

        await client.Customers.GetCustomerAsync("cus 1/../x");

        Assert.Equal("/f4b/sandbox/customers/cus%201%2F..%2Fx", server.Requests.Single().RawTarget);
    }

    [Fact]
    public async Task QueryArrays_ExplodeOrJoin_AsTheSpecSays_AndHeaderParametersAreSent()
    {
        await using var server = await Serve(200, """{"status":"ok","data":[],"meta":{}}""");
        var client = new Features.Api.FeaturesClient(new HttpClient(), server.BaseAddress);

        var page = await client.Pets.ListPetsAsync(Features.Api.PetKind.Cat, limit: 3, tags: new[] { "a b", "c" }, ids: new long[] { 1, 2 }, xRequestSource: "tests");

        var request = server.Requests.Single();
        Assert.Equal("/pets?limit=3&kind=cat&tags=a%20b&tags=c&ids=1%2C2", request.RawTarget);
        Assert.Equal("tests", request.Headers["X-Request-Source"]);
        Assert.Empty(page.Items);
        Assert.Null(page.PageInfo);
    }

    [Fact]
    public async Task OperationsDeclaringAnotherIdempotencyHeader_UseIt()
    {
        await using var server = await Serve(201, """{"status":"ok","data":{"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","name":"Rex","kind":"dog"}}""");
        var client = new Features.Api.FeaturesClient(new HttpClient(), server.BaseAddress);

        await client.Pets.CreatePetAsync(new Features.Api.Pet { Name = "Rex", Kind = "dog" }, new RequestOptions { IdempotencyKey = "key-0123456789" });

        var request = server.Requests.Single();
        Assert.Equal("key-0123456789", request.Headers["Idempotency-Key"]);
        Assert.False(request.Headers.ContainsKey("X-Idempotency-Key"));
    }

    [Fact]
    public async Task ErrorEnvelope_BecomesFlutterwaveApiException_WithItsDetails()
    {
        await using var server = await Serve(400, """{"status":"failed","error":{"type":"REQUEST_NOT_VALID","code":"10400","message":"Invalid card number","validation_errors":[{"field_name":"card.number","message":"fails Luhn"}]}}""");
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiBadRequestException>(() => client.Charges.GetChargeAsync("chg_1", new RequestOptions { TraceId = "trace0123456789" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("REQUEST_NOT_VALID", error.ErrorType);
        Assert.Equal("10400", error.ErrorCode);
        Assert.Equal("Invalid card number", error.ErrorMessage);
        Assert.Equal(new ApiValidationError("card.number", "fails Luhn"), Assert.Single(error.ValidationErrors));
        Assert.Equal("trace0123456789", error.TraceId);
        Assert.Contains("GET /charges/{id} failed with 400", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "text/html")]
    [InlineData("", "application/json")]
    public async Task NonJsonOrEmptyErrorBody_StillGivesAUsefulException(string body, string contentType)
    {
        await using var server = await Serve(502, body, contentType);
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiServerException>(() => client.Orders.GetOrderAsync("ord_1"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorType);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuccessBodyOfTheWrongShape_IsAnApiException_NotANullResult()
    {
        await using var server = await Serve(200, """{"status":"success","message":"ok"}""");
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Customers.GetCustomerAsync("cus_1"));

        Assert.Contains("no 'data'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextResponse_AndUntaggedOperation_OnTheRootClient()
    {
        await using var server = await Serve(200, "ok", "text/plain");
        var client = new Features.Api.FeaturesClient(new HttpClient(), server.BaseAddress);

        Assert.Equal("ok", await client.HealthAsync());
        Assert.Equal("/health", server.Requests.Single().RawTarget);
    }

    [Fact]
    public async Task Cancellation_StopsTheCall()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackHttpServer.StartAsync(async (_, context) =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await LoopbackHttpServer.WriteJsonAsync(context, 200, "{}");
        });
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Customers.GetCustomerAsync("cus_1", cancellationToken: cancellation.Token));
        release.SetResult();
    }

    [Fact]
    public async Task NullOrEmptyRequiredArguments_AreRejectedBeforeSending()
    {
        await using var server = await Serve(500, string.Empty);
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Customers.CreateCustomerAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Customers.GetCustomerAsync(string.Empty));
        Assert.Empty(server.Requests);
    }

    /// <summary>A loopback server that answers every request with the same status and body.</summary>
    private static Task<LoopbackHttpServer> Serve(int status, string body, string contentType = "application/json") =>
        LoopbackHttpServer.StartAsync(async (_, context) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    [Fact]
    public void DefaultBaseAddress_IsTheSpecsFirstServer()
    {
        Assert.Equal(new Uri("https://developersandbox-api.flutterwave.com/"), FlutterwaveClient.DefaultBaseAddress);
    }
}
