using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Flutterwave.Runtime;
using Flutterwave.Runtime.DependencyInjection;
using Flutterwave.Runtime.Http;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// One <c>POST /charges</c> call: serialize the request, send it over an in-memory handler, read and deserialize
/// the enveloped charge. The baseline is the same work written by hand with <see cref="HttpClient"/> and
/// System.Text.Json's source generator (the <see cref="StjCharge"/> types of <see cref="ChargeSerializationBenchmarks"/>),
/// including the trace id and idempotency key headers the generated client always sends.
/// </summary>
/// <remarks>
/// <c>Generated</c> is the generated client over <see cref="HttpApiTransport"/> and a plain <see cref="HttpClient"/>:
/// the same handler chain as the baseline. <c>GeneratedFullPipeline</c> adds what <c>FlutterwaveClient.Create</c>
/// wires (Polly retry and timeout, OAuth2 with a cached token): reported for information, it does more work than the
/// baseline.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[ChargeSerializationJob]
public class ClientCallBenchmarks
{
    private static readonly Uri BaseAddress = new("http://api.invalid");
    private HttpClient _plain = null!;
    private Flutterwave.FlutterwaveClient _generated = null!;
    private Flutterwave.FlutterwaveClient _generatedFull = null!;
    private Flutterwave.ChargeRequest _request = null!;
    private StjChargeRequest _stjRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var envelope = Encoding.UTF8.GetBytes("{\"status\":\"success\",\"message\":\"Charge created\",\"data\":" + ChargeSerializationBenchmarks.ChargeJson + "}");
        var handler = new InMemoryApi(envelope);
        _plain = new HttpClient(handler, disposeHandler: false);
        _generated = new Flutterwave.FlutterwaveClient(new HttpApiTransport(new HttpClient(handler, disposeHandler: false), BaseAddress));
        _generatedFull = Flutterwave.FlutterwaveClient.Create(
            new FlutterwaveOptions { BaseAddress = BaseAddress, TokenEndpoint = new Uri(BaseAddress, "token"), ClientId = "bench", ClientSecret = "bench-secret" },
            primaryHandler: handler);
        _request = new Flutterwave.ChargeRequest
        {
            Amount = 12500.75m,
            Currency = Flutterwave.Currency.NGN,
            Reference = "chg-20250327-0001",
            CustomerId = "cus_3XarBILKQS",
            PaymentMethodId = "pmd_WRq7L4TM8p",
            RedirectUrl = new Uri("https://example.com/payment/complete"),
        };
        _stjRequest = new StjChargeRequest
        {
            Amount = 12500.75m,
            Currency = "NGN",
            Reference = "chg-20250327-0001",
            CustomerId = "cus_3XarBILKQS",
            PaymentMethodId = "pmd_WRq7L4TM8p",
            RedirectUrl = new Uri("https://example.com/payment/complete"),
        };

        // Both sides must do the same work: same request JSON, same charge back.
        var generated = Generated().GetAwaiter().GetResult();
        var baseline = HandWritten().GetAwaiter().GetResult();
        var full = GeneratedFullPipeline().GetAwaiter().GetResult();
        if (generated.Id != baseline.Id || generated.Amount != baseline.Amount || full.Id != baseline.Id)
        {
            throw new InvalidOperationException("The generated and hand-written calls read different charges.");
        }

        if (!JsonElement.DeepEquals(JsonDocument.Parse(handler.LastRequestBody!).RootElement, JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(_stjRequest, ClientCallJsonContext.Default.StjChargeRequest)).RootElement))
        {
            throw new InvalidOperationException("The generated and hand-written calls send different JSON.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<StjCharge> HandWritten()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "/charges"));
        message.Headers.TryAddWithoutValidation("X-Trace-Id", Guid.NewGuid().ToString("N"));
        message.Headers.TryAddWithoutValidation("X-Idempotency-Key", Guid.NewGuid().ToString("N"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_stjRequest, ClientCallJsonContext.Default.StjChargeRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Content = content;
        using var response = await _plain.SendAsync(message, HttpCompletionOption.ResponseContentRead, CancellationToken.None).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException("Unexpected status " + (int)response.StatusCode);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, ClientCallJsonContext.Default.StjChargeEnvelope)!.Data;
    }

    [Benchmark]
    public Task<Flutterwave.Charge> Generated() => _generated.Charges.CreateChargeAsync(_request);

    [Benchmark]
    public Task<Flutterwave.Charge> GeneratedFullPipeline() => _generatedFull.Charges.CreateChargeAsync(_request);

    /// <summary>Answers every request from memory: a token for <c>/token</c>, the enveloped charge for anything else.</summary>
    private sealed class InMemoryApi(byte[] envelope) : HttpMessageHandler
    {
        private static readonly byte[] Token = Encoding.UTF8.GetBytes("{\"access_token\":\"bench-token\",\"expires_in\":600,\"token_type\":\"Bearer\"}");

        public byte[]? LastRequestBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (LastRequestBody is null && request.Content is not null && request.RequestUri!.AbsolutePath == "/charges")
            {
                LastRequestBody = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            var body = request.RequestUri!.AbsolutePath == "/token" ? Token : envelope;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>The hand-written request body of <c>POST /charges</c>.</summary>
public sealed class StjChargeRequest
{
    [JsonPropertyName("amount")] public decimal Amount { get; set; }
    [JsonPropertyName("currency")] public string Currency { get; set; } = string.Empty;
    [JsonPropertyName("reference")] public string Reference { get; set; } = string.Empty;
    [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
    [JsonPropertyName("payment_method_id")] public string? PaymentMethodId { get; set; }
    [JsonPropertyName("redirect_url")] public Uri? RedirectUrl { get; set; }
}

/// <summary>The <c>{ status, message, data }</c> envelope around a charge.</summary>
public sealed class StjChargeEnvelope
{
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("data")] public StjCharge Data { get; set; } = null!;
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StjChargeRequest))]
[JsonSerializable(typeof(StjChargeEnvelope))]
public sealed partial class ClientCallJsonContext : JsonSerializerContext
{
}
