using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Text.Json;
using System.Threading.Tasks;
using Flutterwave;
using Flutterwave.Codegen.TestSupport;
using Flutterwave.Runtime;
using Flutterwave.Runtime.Encryption;
using Flutterwave.Runtime.Json;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>
/// Which conventions a generated client follows, over real HTTP on 127.0.0.1: the features spec asks for none (an
/// exact client: only the headers it declares, with its rules), the conventions spec opts in to Flutterwave's with
/// <c>x-codegen-conventions</c> although its server is not Flutterwave's.
/// </summary>
public sealed class ConventionTests
{
    private const string PetJson = """{"id":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","name":"Rex","kind":"dog"}""";

    [Fact]
    public async Task ExactClient_DeclaredIdempotencyKey_IsSentUnderItsNameWithItsRules()
    {
        await using var server = await Serve(201, $$"""{"status":"success","data":{{PetJson}}}""");
        var client = Features.Api.FeaturesClient.Create(new ApiClientOptions { BaseAddress = server.BaseAddress, ApiKey = "pet-key-1" });

        var generated = await client.Pets.CreatePetAsync(NewPet());
        await client.Pets.CreatePetAsync(NewPet(), new RequestOptions { IdempotencyKey = "abcde" });
        await client.Pets.CreatePetAsync(NewPet(), new RequestOptions { IdempotencyKey = new string('k', 64) });
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Pets.CreatePetAsync(NewPet(), new RequestOptions { IdempotencyKey = new string('k', 65) }));

        Assert.Equal("Rex", generated.Name);
        Assert.Contains("at most 64", tooLong.Message, StringComparison.Ordinal);
        var sent = server.Requests;
        Assert.Equal(3, sent.Count);
        Assert.Matches("^[0-9a-f]{32}$", sent[0].Header("Idempotency-Key"));
        Assert.Equal("abcde", sent[1].Header("Idempotency-Key"));
        Assert.Equal(64, sent[2].Header("Idempotency-Key")!.Length);
        Assert.All(sent, r => Assert.Null(r.Header("X-Idempotency-Key")));

        // createPet declares no trace header and the spec asks for no conventions: none is sent, even when given.
        Assert.All(sent, r => Assert.Null(r.Header("X-Trace-Id")));
    }

    [Fact]
    public async Task ExactClient_DeclaredTraceHeader_IsSentOnlyWhereDeclared()
    {
        await using var server = await Serve(200, """{"status":"success","data":[],"meta":{"page_info":{"total":0,"current_page":1,"total_pages":1}}}""");
        var client = Features.Api.FeaturesClient.Create(new ApiClientOptions { BaseAddress = server.BaseAddress, ApiKey = "pet-key-1" });

        await client.Pets.ListPetsAsync(Features.Api.PetKind.Dog, options: new RequestOptions { TraceId = "trace-0000000001" });
        var tooShort = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Pets.ListPetsAsync(Features.Api.PetKind.Dog, options: new RequestOptions { TraceId = "short" }));
        var keyOnGet = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Pets.ListPetsAsync(Features.Api.PetKind.Dog, options: new RequestOptions { IdempotencyKey = "key-0000000001" }));

        Assert.Equal("trace-0000000001", Assert.Single(server.Requests).Header("X-Trace-Id"));
        Assert.Contains("12 to 255", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("takes no idempotency key", keyOnGet.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptedInClient_GetsFlutterwaveHeadersOnOperationsThatDeclareNone()
    {
        await using var server = await Serve(201, """{"status":"success","data":{"id":"trf_1","status":"queued"}}""");
        var client = new Conventions.Api.ConventionsClient(new HttpClient(), server.BaseAddress);

        var transfer = await client.CreateTransferAsync(new Conventions.Api.TransferRequest
        {
            Amount = 10m,
            Card = new Conventions.Api.SourceCard { Nonce = "abcdefghijkl", EncryptedCardNumber = "already-encrypted" },
        });
        await client.GetTransferAsync("trf_1");
        var shortKey = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransferAsync(
            new Conventions.Api.TransferRequest { Amount = 1m, Card = new Conventions.Api.SourceCard { Nonce = "abcdefghijkl", EncryptedCardNumber = "x" } },
            new RequestOptions { IdempotencyKey = "abcde" }));

        Assert.Equal("trf_1", transfer.Id);
        var (post, get) = (server.Requests[0], server.Requests[1]);
        Assert.Matches("^[0-9a-f]{32}$", post.Header("X-Idempotency-Key"));
        Assert.Matches("^[0-9a-f]{32}$", post.Header("X-Trace-Id"));
        Assert.Null(get.Header("X-Idempotency-Key"));
        Assert.Matches("^[0-9a-f]{32}$", get.Header("X-Trace-Id"));
        Assert.Contains("12 to 255", shortKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptedInClient_GetsCardEncryptionDeclineChecksFlutterwaveOptionsAndTheTokenEndpoint()
    {
        var encryptor = CardEncryptor.FromBase64Key(Convert.ToBase64String(new byte[32]));
        var card = new Conventions.Api.SourceCard { CardNumber = "5531886652142950", Cvv = "564" };
        byte[] bytes;
        using (CardEncryption.Enter(encryptor))
        {
            bytes = JsonCodec.ToUtf8Bytes(card, JsonCodec.WriteModel);
        }

        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;

        Assert.Equal(12, root.GetProperty("nonce").GetString()!.Length);
        Assert.True(root.TryGetProperty("encrypted_card_number", out _));
        Assert.False(root.TryGetProperty("card_number", out _));

        // Bearer-only, like Flutterwave's published specs: Flutterwave's client-credentials endpoint is added first.
        var first = Conventions.Api.ConventionsClient.Description.SecuritySchemes[0];
        Assert.Equal(ApiSecuritySchemeKind.OAuth2ClientCredentials, first.Kind);
        Assert.Equal(new Uri("https://idp.flutterwave.com/realms/flutterwave/protocol/openid-connect/token"), first.TokenUrl);
        Assert.Contains(Conventions.Api.ConventionsClient.Description.SecuritySchemes, s => s.Kind == ApiSecuritySchemeKind.HttpBearer);
        Assert.Equal(typeof(FlutterwaveOptions), typeof(Conventions.Api.ConventionsClient).GetMethod("Create")!.GetParameters()[0].ParameterType);
    }

    [Fact]
    public async Task AutoPagingAPost_GivesEachPageItsOwnKey_AndRefusesTheCallersKey()
    {
        var pages = 0;
        await using var server = await LoopbackHttpServer.StartAsync(async (_, context) =>
        {
            var page = Interlocked.Increment(ref pages);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                "{\"status\":\"success\",\"data\":[{\"id\":\"cus_" + page + "\",\"email\":\"a" + page + "@example.com\"}],"
                + "\"meta\":{\"page_info\":{\"total\":2,\"current_page\":" + page + ",\"total_pages\":2}}}");
        });
        var client = new FlutterwaveClient(new HttpClient(), server.BaseAddress);
        var search = new CustomerSearchRequest { Email = "a@example.com" };

        var found = new List<string>();
        await foreach (var customer in client.Customers.SearchCustomersAutoPagingAsync(search))
        {
            found.Add(customer.Id);
        }

        var refused = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var customer in client.Customers.SearchCustomersAutoPagingAsync(search, options: new RequestOptions { IdempotencyKey = "search-000000001" }))
            {
                _ = customer;
            }
        });

        Assert.Equal(new[] { "cus_1", "cus_2" }, found);
        var keys = server.Requests.Select(r => r.Header("X-Idempotency-Key")).ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{32}$", k));
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Contains("own idempotency key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A test that looks types up by name; it is never trimmed.")]
    public void ExactClient_HasNoFlutterwaveHelpers_AndIsConfiguredWithApiClientOptions()
    {
        var assembly = typeof(Features.Api.FeaturesClient).Assembly;

        Assert.Null(assembly.GetType("Features.Api.PaymentDeclineChecks"));
        Assert.Null(assembly.GetType("Features.Api.ChargeNextActions"));
        Assert.Null(typeof(Features.Api.PetCard).GetProperty("CardNumber"));
        Assert.NotNull(typeof(Features.Api.PetCard).GetProperty("EncryptedCardNumber"));
        Assert.Equal(typeof(ApiClientOptions), typeof(Features.Api.FeaturesClient).GetMethod("Create")!.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(FlutterwaveOptions), typeof(FlutterwaveClient).GetMethod("Create")!.GetParameters()[0].ParameterType);
        Assert.Equal("Features.Api", Features.Api.FeaturesClient.Description.TelemetryName);
        Assert.Equal("Flutterwave", FlutterwaveClient.Description.TelemetryName);
    }

    private static Features.Api.Pet NewPet() => new() { Name = "Rex", Kind = Features.Api.PetKind.Dog };

    private static Task<LoopbackHttpServer> Serve(int status, string body) =>
        LoopbackHttpServer.StartAsync(async (_, context) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
}
