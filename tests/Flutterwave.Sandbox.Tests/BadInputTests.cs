using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>
/// Hostile and broken requests, sent raw: each gets the documented error body (status failed, error.type, code,
/// validation_errors naming the field) and never a 500.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly string[] DocumentedTypes =
    [
        "REQUEST_NOT_VALID", "UNAUTHORIZED", "RESOURCE_NOT_FOUND", "METHOD_NOT_ALLOWED", "CHARGE_ALREADY_EXISTS", "CLIENT_ENCRYPTION_ERROR",
        "INVALID_AUTHORIZATION", "INVALID_OTP",
    ];

    private SandboxClient _s = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _s = await SandboxClient.StartAsync();
        _token = await _s.TokenAsync();
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static string ValidCharge(string? reference = null) =>
        "{\"amount\":100,\"currency\":\"NGN\",\"reference\":\"" + (reference ?? "bad-input-" + Guid.NewGuid().ToString("N")[..16]) + "\","
        + "\"customer\":{\"email\":\"ada@example.com\"},"
        + "\"payment_method\":{\"type\":\"card\",\"card\":{\"nonce\":\"abcdefABCDEF\",\"encrypted_card_number\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
        + "\"encrypted_expiry_month\":\"AAAAAAAAAAAAAAAAAAAAAAA=\",\"encrypted_expiry_year\":\"AAAAAAAAAAAAAAAAAAAAAAA=\"}}}";

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(
        HttpMethod method, string path, byte[]? body, string? contentType = "application/json", Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        headers?.Invoke(request.Headers);
        using var response = await _s.Raw.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}");
        var json = JsonNode.Parse(text) as JsonObject;
        Assert.NotNull(json);
        return (response.StatusCode, json!);
    }

    private static void AssertError(JsonObject body, string type, params string[] fields)
    {
        Assert.Equal("failed", body["status"]!.GetValue<string>());
        Assert.Equal(type, body["error"]!["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error"]!["code"]!.GetValue<string>()));
        var named = (body["error"]!["validation_errors"] as JsonArray ?? []).Select(e => e!["field_name"]!.GetValue<string>()).ToList();
        foreach (var field in fields)
        {
            Assert.Contains(field, named);
        }
    }

    private Task<(HttpStatusCode, JsonObject)> PostChargeAsync(string json, string? contentType = "application/json", Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Post, "orchestration/direct-charges", Encoding.UTF8.GetBytes(json), contentType, headers);

    [Theory]
    [InlineData("{\"amount\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"amount\":1,\"amount\":2}")]
    [InlineData("{'amount':1}")]
    public async Task MalformedJson_Is400NamingTheBody(string json)
    {
        var (status, body) = await PostChargeAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "REQUEST_NOT_VALID", "body");
    }

    [Fact]
    public async Task InvalidUtf8_AndDeepNesting_And_NonObjectBodies_Are400()
    {
        var (s1, b1) = await SendAsync(HttpMethod.Post, "customers", [0x7B, 0x22, 0x65, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        var (s2, b2) = await PostChargeAsync(new string('[', 200) + new string(']', 200));
        var (s3, b3) = await PostChargeAsync("[1,2,3]");
        var (s4, b4) = await PostChargeAsync("{\"amount\":100,\"currency\":\"NGN\",\"reference\":\"deep-meta-01\",\"meta\":" + new string('[', 60) + new string(']', 60) + "}");
        Assert.All(new[] { s1, s2, s3, s4 }, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.All(new[] { b1, b2, b3, b4 }, b => AssertError(b, "REQUEST_NOT_VALID"));
    }

    [Fact]
    public async Task MissingRequiredFields_AreEachNamed()
    {
        var (status, body) = await PostChargeAsync("{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "REQUEST_NOT_VALID", "amount", "currency", "reference");

        var (noBody, emptyBody) = await SendAsync(HttpMethod.Post, "customers", null, null);
        Assert.Equal(HttpStatusCode.BadRequest, noBody);
        AssertError(emptyBody, "REQUEST_NOT_VALID", "body");

        var (noCard, noCardBody) = await PostChargeAsync("""{"amount":1,"currency":"NGN","reference":"no-card-0001","customer":{"email":"a@example.com"},"payment_method":{"type":"card"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, noCard);
        AssertError(noCardBody, "REQUEST_NOT_VALID", "payment_method.card");
    }

    [Theory]
    [InlineData("\"amount\":\"100\"", "amount")]
    [InlineData("\"amount\":0", "amount")]
    [InlineData("\"currency\":\"XXX\"", "currency")]
    [InlineData("\"currency\":7", "currency")]
    [InlineData("\"customer\":[]", "customer")]
    [InlineData("\"reference\":\"abc\"", "reference")]
    [InlineData("\"reference\":\"has spaces in it\"", "reference")]
    [InlineData("\"authorization\":{\"type\":\"telepathy\"}", "authorization.type")]
    public async Task WrongTypesAndValues_Are400NamingTheField(string member, string field)
    {
        var json = JsonNode.Parse(ValidCharge())!.AsObject();
        var replacement = JsonNode.Parse("{" + member + "}")!.AsObject();
        foreach (var pair in replacement.ToList())
        {
            replacement.Remove(pair.Key);
            json[pair.Key] = pair.Value;
        }

        var (status, body) = await PostChargeAsync(json.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "REQUEST_NOT_VALID", field);
    }

    [Fact]
    public async Task OversizeValues_Are400()
    {
        var (s1, b1) = await PostChargeAsync(ValidCharge(new string('a', 100)));
        AssertError(b1, "REQUEST_NOT_VALID", "reference");

        var huge = JsonNode.Parse(ValidCharge())!.AsObject();
        huge["meta"] = new JsonObject { ["note"] = new string('x', 100_000) };
        var (s2, b2) = await PostChargeAsync(huge.ToJsonString());
        AssertError(b2, "REQUEST_NOT_VALID", "body");

        var longText = JsonNode.Parse(ValidCharge())!.AsObject();
        longText["meta"] = new JsonObject { ["note"] = new string('x', 5000) };
        var (s3, b3) = await PostChargeAsync(longText.ToJsonString());
        AssertError(b3, "REQUEST_NOT_VALID", "meta.note");

        var (s4, b4) = await SendAsync(HttpMethod.Post, "customers", Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', 10_000) + "@example.com\"}"));
        AssertError(b4, "REQUEST_NOT_VALID", "email");
        Assert.All(new[] { s1, s2, s3, s4 }, s => Assert.Equal(HttpStatusCode.BadRequest, s));
    }

    [Theory]
    [InlineData("X-Idempotency-Key", "short")]
    [InlineData("X-Trace-Id", "tooshort")]
    [InlineData("X-Scenario-Key", "scenario:teleport")]
    [InlineData("X-Scenario-Key", "issuer:maybe")]
    [InlineData("X-Scenario-Key", "weather:sunny")]
    public async Task BadHeaders_Are400NamingTheHeader(string header, string value)
    {
        var (status, body) = await PostChargeAsync(ValidCharge(), headers: h => h.TryAddWithoutValidation(header, value));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "REQUEST_NOT_VALID", header);
    }

    [Fact]
    public async Task ScenarioHeader_IsOnlyReadWhereTheSpecDeclaresIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "charges");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.TryAddWithoutValidation("X-Scenario-Key", "weather:sunny");
        using var response = await _s.Raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LongTraceId_WrongContentType_AndBadQuery_Are400()
    {
        var (s1, b1) = await PostChargeAsync(ValidCharge(), headers: h => h.TryAddWithoutValidation("X-Trace-Id", new string('t', 300)));
        AssertError(b1, "REQUEST_NOT_VALID", "X-Trace-Id");
        var (s2, b2) = await PostChargeAsync(ValidCharge(), "text/plain");
        AssertError(b2, "REQUEST_NOT_VALID", "Content-Type");
        var (s3, b3) = await SendAsync(HttpMethod.Get, "charges?limit=0", null);
        AssertError(b3, "REQUEST_NOT_VALID", "limit");
        var (s4, b4) = await SendAsync(HttpMethod.Get, "charges?limit=abc&page=0", null);
        AssertError(b4, "REQUEST_NOT_VALID", "limit", "page");
        var (s5, b5) = await SendAsync(HttpMethod.Get, "charges?limit=101", null);
        AssertError(b5, "REQUEST_NOT_VALID", "limit");
        Assert.All(new[] { s1, s2, s3, s4, s5 }, s => Assert.Equal(HttpStatusCode.BadRequest, s));
    }

    [Fact]
    public async Task UndecryptableCard_Is422_UnknownRoute404_WrongMethod405_NoToken401()
    {
        var (s1, b1) = await PostChargeAsync(ValidCharge());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s1);
        AssertError(b1, "CLIENT_ENCRYPTION_ERROR");

        var (s2, b2) = await SendAsync(HttpMethod.Get, "subscriptions", null);
        Assert.Equal(HttpStatusCode.NotFound, s2);
        AssertError(b2, "RESOURCE_NOT_FOUND");

        var (s3, b3) = await SendAsync(HttpMethod.Delete, "charges", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, s3);
        AssertError(b3, "METHOD_NOT_ALLOWED");

        _token = "not-a-token";
        var (s4, b4) = await SendAsync(HttpMethod.Get, "charges", null);
        Assert.Equal(HttpStatusCode.Unauthorized, s4);
        AssertError(b4, "UNAUTHORIZED");
    }

    [Fact]
    public async Task RandomlyMangledBodies_NeverGetA500()
    {
        var random = new Random(20261123);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 150; i++)
        {
            var json = JsonNode.Parse(ValidCharge())!;
            Mangle(json, random);
            var (status, body) = await PostChargeAsync(json.ToJsonString());
            var type = body["error"]?["type"]?.GetValue<string>() ?? "success";
            Assert.True(type == "success" || DocumentedTypes.Contains(type), $"undocumented error type {type}");
            seen.Add(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains("400", seen);
    }

    internal static void Mangle(JsonNode node, Random random)
    {
        var objects = new List<JsonObject>();
        Collect(node, objects);
        var target = objects[random.Next(objects.Count)];
        var keys = target.Select(p => p.Key).ToList();
        var key = keys.Count == 0 ? "extra" : keys[random.Next(keys.Count)];
        JsonNode? value = random.Next(8) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next()),
            2 => JsonValue.Create(-1.5),
            3 => JsonValue.Create(new string('z', random.Next(0, 300))),
            4 => new JsonArray(1, "two", null),
            5 => new JsonObject { ["nested"] = new JsonObject() },
            6 => JsonValue.Create(true),
            _ => JsonValue.Create("\u0000\uFFFF\uD83D\uDE00"),
        };
        if (random.Next(5) == 0)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        if (node is JsonObject o)
        {
            objects.Add(o);
            foreach (var pair in o)
            {
                Collect(pair.Value, objects);
            }
        }
    }
}
