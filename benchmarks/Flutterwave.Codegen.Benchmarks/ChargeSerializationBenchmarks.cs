using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>
/// Reading and writing one fully populated charge: the converters the generator emits for <c>Flutterwave.Charge</c>
/// (compiled into this assembly from the bundled spec) against System.Text.Json's source generator on
/// <see cref="StjCharge"/>, a hand-written equivalent (same JSON names and member types, unknown members kept in
/// extension data, nulls left out when writing). System.Text.Json's source generator is the baseline of each category.
/// </summary>
/// <remarks>
/// <para><c>Read</c>: UTF-8 bytes to an object graph. <c>WriteToWriter</c>: the object graph into a reused
/// <see cref="Utf8JsonWriter"/> (the converters alone). <c>WriteToBytes</c>: to a fresh <c>byte[]</c> the way each
/// side's own helper does it (<see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue})"/>
/// against <see cref="JsonCodec.ToUtf8Bytes{T}"/>), so buffer handling counts too.</para>
/// <para>The set-up checks that both sides map every member of <see cref="ChargeJson"/> to a typed member and write
/// the same JSON, so both do the same work. The machine is shared and has 2 cores: read the Min and Median columns
/// next to the Mean.</para>
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[ChargeSerializationJob]
public class ChargeSerializationBenchmarks
{
    /// <summary>
    /// A pending card charge with every member of <c>Charge</c> and its nested objects present: customer, masked card
    /// with billing address and card-on-file, next action, processor response, fees, billing details, authorization,
    /// meta. Made-up values; the card is masked as the API returns it.
    /// </summary>
    public const string ChargeJson = """
        {
          "id": "chg_RCDsCBDyaV",
          "amount": 12500.75,
          "currency": "NGN",
          "reference": "chg-20250327-0001",
          "status": "pending",
          "customer_id": "cus_3XarBILKQS",
          "customer": {
            "id": "cus_3XarBILKQS",
            "email": "cornelius@example.com",
            "name": { "first": "King", "middle": "Leo", "last": "LeBron" },
            "phone": { "country_code": "234", "number": "8012345678" },
            "address": { "city": "Lagos", "country": "NG", "line1": "123 Main Street", "line2": "Apt 4B", "postal_code": "100001", "state": "Lagos" },
            "meta": { "segment": "retail", "loyalty_points": 420 },
            "created_datetime": "2024-12-03T13:54:21.546Z"
          },
          "payment_method_details": {
            "id": "pmd_WRq7L4TM8p",
            "type": "card",
            "card": {
              "expiry_month": "09",
              "expiry_year": "32",
              "first6": "123412",
              "last4": "1234",
              "network": "MASTERCARD",
              "billing_address": { "city": "Lagos", "country": "NG", "line1": "123 Main Street", "line2": "Apt 4B", "postal_code": "100001", "state": "Lagos" },
              "cof": { "enabled": true, "agreement_id": "Agreement00w02W1", "trace_id": "123456789", "recurring_amount_variability": "VARIABLE", "agreement_type": "UNSCHEDULED" },
              "card_holder_name": "Alex James"
            },
            "customer_id": "cus_3XarBILKQS",
            "meta": { "source": "checkout" },
            "device_fingerprint": "62wd23423rq324323qew1",
            "client_ip": "154.123.220.1",
            "created_datetime": "2024-12-03T13:54:21.546Z"
          },
          "redirect_url": "https://example.com/payment/complete",
          "next_action": {
            "type": "redirect_url",
            "redirect_url": { "url": "https://developer-sandbox-ui-sit.flutterwave.cloud/redirects?card&token=abc" }
          },
          "processor_response": { "type": "pending", "code": "02" },
          "fees": [ { "type": "vat", "amount": 12.3 }, { "type": "app", "amount": 187.51 } ],
          "billing_details": {
            "email": "cornelius@example.com",
            "name": { "first": "King", "middle": "Leo", "last": "LeBron" },
            "phone": { "country_code": "234", "number": "8012345678" },
            "address": { "city": "Lagos", "country": "NG", "line1": "123 Main Street", "line2": "Apt 4B", "postal_code": "100001", "state": "Lagos" }
          },
          "authorization": { "type": "otp", "otp": { "code": "123456" } },
          "meta": { "order_id": "ord-20250327-0042", "channel": "web", "items": 3 },
          "description": "Order ord-20250327-0042: 3 items",
          "created_datetime": "2025-03-27T10:00:00Z"
        }
        """;

    private byte[] _json = null!;
    private Flutterwave.Charge _generated = null!;
    private StjCharge _stj = null!;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Compact, as a server sends it.
        _json = JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(ChargeJson), ChargeBenchmarkJsonContext.Default.JsonNode);
        _generated = ReadGenerated();
        _stj = ReadStj();
        _buffer = new ArrayBufferWriter<byte>(4096);
        _writer = new Utf8JsonWriter(_buffer);

        // Every member is read into a typed member on both sides (nothing lands in the unknown-member bags), and both
        // write the same JSON. (Not byte-for-byte the input: both write date-times with "+00:00" where it has "Z".)
        if (_generated.AdditionalProperties.Count != 0 || _stj.AdditionalProperties is { Count: > 0 })
        {
            throw new InvalidOperationException("A member of the charge JSON was not mapped to a typed member on one side.");
        }

        var generatedJson = JsonCodec.ToUtf8Bytes(_generated, JsonCodec.WriteModel);
        var stjJson = JsonSerializer.SerializeToUtf8Bytes(_stj, ChargeBenchmarkJsonContext.Default.StjCharge);
        if (!JsonNode.DeepEquals(JsonNode.Parse(generatedJson), JsonNode.Parse(stjJson)))
        {
            throw new InvalidOperationException(
                $"The two sides write different JSON:{Environment.NewLine}{Encoding.UTF8.GetString(generatedJson)}{Environment.NewLine}{Encoding.UTF8.GetString(stjJson)}");
        }

        if (CountMembers(JsonNode.Parse(_json)) != CountMembers(JsonNode.Parse(generatedJson)))
        {
            throw new InvalidOperationException("The written JSON does not have as many members as the JSON read.");
        }

        // Both sides reject a charge without a required member, so the baseline does not skip that check.
        var withoutStatus = JsonNode.Parse(_json)!.AsObject();
        withoutStatus.Remove("status");
        var incomplete = JsonSerializer.SerializeToUtf8Bytes(withoutStatus, ChargeBenchmarkJsonContext.Default.JsonNode);
        if (!Rejects(() => JsonCodec.FromUtf8Bytes(incomplete, Flutterwave.Charge.ReadJson))
            || !Rejects(() => JsonSerializer.Deserialize(incomplete, ChargeBenchmarkJsonContext.Default.StjCharge)))
        {
            throw new InvalidOperationException("One side accepts a charge without its required 'status'.");
        }

        Console.WriteLine($"// Charge JSON: {_json.Length} bytes read (compact), {generatedJson.Length} bytes written; both sides map every member and write the same JSON.");
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [BenchmarkCategory("Read"), Benchmark(Baseline = true)]
    public StjCharge Read_StjSourceGen() => ReadStj();

    [BenchmarkCategory("Read"), Benchmark]
    public Flutterwave.Charge Read_Generated() => ReadGenerated();

    [BenchmarkCategory("WriteToWriter"), Benchmark(Baseline = true)]
    public int WriteToWriter_StjSourceGen()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _stj, ChargeBenchmarkJsonContext.Default.StjCharge);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("WriteToWriter"), Benchmark]
    public int WriteToWriter_Generated()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _generated.WriteJson(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("WriteToBytes"), Benchmark(Baseline = true)]
    public byte[] WriteToBytes_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_stj, ChargeBenchmarkJsonContext.Default.StjCharge);

    [BenchmarkCategory("WriteToBytes"), Benchmark]
    public byte[] WriteToBytes_Generated() => JsonCodec.ToUtf8Bytes(_generated, JsonCodec.WriteModel);

    private StjCharge ReadStj() => JsonSerializer.Deserialize(_json, ChargeBenchmarkJsonContext.Default.StjCharge)!;

    private Flutterwave.Charge ReadGenerated()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        return Flutterwave.Charge.ReadJson(ref reader);
    }

    private static bool Rejects(Func<object?> read)
    {
        try
        {
            read();
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static int CountMembers(JsonNode? node) => node switch
    {
        JsonObject o => o.Count + o.Sum(p => CountMembers(p.Value)),
        JsonArray a => a.Sum(CountMembers),
        _ => 0,
    };
}

/// <summary>One launch, 6 warm-up and 15 measured iterations: enough for sub-microsecond operations on 2 cores.</summary>
public sealed class ChargeSerializationJobAttribute : JobConfigBaseAttribute
{
    public ChargeSerializationJobAttribute()
        : base(Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(15).WithId("Serialization"))
    {
    }
}

/// <summary>System.Text.Json's source generator over the hand-written charge, with the generated side's conventions.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(StjCharge))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class ChargeBenchmarkJsonContext : JsonSerializerContext
{
}

// The hand-written equivalent of the generated Charge and what it holds. Member types follow the generated ones:
// decimal amounts, Uri for uri strings, DateTimeOffset for date-times, JsonObject for free-form meta, lists for arrays,
// and extension data for unknown members (the generated types keep those in AdditionalProperties). The spec's closed
// string enums are C# enums written as strings; Currency (about 170 ISO codes) stays a string.
//
// Required members are checked on both sides. The generated types read through a private [SetsRequiredMembers]
// constructor and check what they saw; these types do the same: an internal [JsonConstructor, SetsRequiredMembers]
// constructor, with [JsonRequired] so System.Text.Json still rejects JSON that lacks one. With the C# 'required'
// keyword alone, System.Text.Json's source generator reads through its parameterized-constructor path instead, which
// measured about 1.7 times slower on this charge (a scratch A/B on this machine: 9.2 us against 5.4 us, minimum of
// 200 batches each); the baseline here is the faster form.
#pragma warning disable CS8618 // As in the generated types: the reading constructors leave required members to the reader.

public enum StjChargeStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("voided")] Voided,
}

public enum StjPaymentMethodType
{
    [JsonStringEnumMemberName("card")] Card,
    [JsonStringEnumMemberName("mobile_money")] MobileMoney,
    [JsonStringEnumMemberName("bank_transfer")] BankTransfer,
    [JsonStringEnumMemberName("ussd")] Ussd,
    [JsonStringEnumMemberName("opay")] Opay,
}

public enum StjNextActionType
{
    [JsonStringEnumMemberName("redirect_url")] RedirectUrl,
    [JsonStringEnumMemberName("requires_pin")] RequiresPin,
    [JsonStringEnumMemberName("requires_otp")] RequiresOtp,
    [JsonStringEnumMemberName("requires_additional_fields")] RequiresAdditionalFields,
    [JsonStringEnumMemberName("payment_instruction")] PaymentInstruction,
}

public enum StjChargeAuthorizationType
{
    [JsonStringEnumMemberName("pin")] Pin,
    [JsonStringEnumMemberName("otp")] Otp,
    [JsonStringEnumMemberName("avs")] Avs,
    [JsonStringEnumMemberName("external_3ds")] External3ds,
}

/// <summary>Unknown members, kept as the generated types keep them.</summary>
public abstract class StjModel
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class StjCharge : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjCharge() { }

    [JsonPropertyName("id")] [JsonRequired] public required string Id { get; set; }
    [JsonPropertyName("amount")] [JsonRequired] public required decimal Amount { get; set; }
    [JsonPropertyName("currency")] [JsonRequired] public required string Currency { get; set; }
    [JsonPropertyName("reference")] [JsonRequired] public required string Reference { get; set; }
    [JsonPropertyName("status")] [JsonRequired] public required StjChargeStatus Status { get; set; }
    [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
    [JsonPropertyName("customer")] public StjCustomer? Customer { get; set; }
    [JsonPropertyName("payment_method_details")] public StjPaymentMethod? PaymentMethodDetails { get; set; }
    [JsonPropertyName("redirect_url")] public Uri? RedirectUrl { get; set; }
    [JsonPropertyName("next_action")] public StjNextAction? NextAction { get; set; }
    [JsonPropertyName("processor_response")] public StjProcessorResponse? ProcessorResponse { get; set; }
    [JsonPropertyName("fees")] public List<StjFee>? Fees { get; set; }
    [JsonPropertyName("billing_details")] public StjBillingDetails? BillingDetails { get; set; }
    [JsonPropertyName("authorization")] public StjChargeAuthorization? Authorization { get; set; }
    [JsonPropertyName("meta")] public JsonObject? Meta { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("created_datetime")] public DateTimeOffset? CreatedDatetime { get; set; }
}

public sealed class StjCustomer : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjCustomer() { }

    [JsonPropertyName("id")] [JsonRequired] public required string Id { get; set; }
    [JsonPropertyName("email")] [JsonRequired] public required string Email { get; set; }
    [JsonPropertyName("name")] public StjCustomerName? Name { get; set; }
    [JsonPropertyName("phone")] public StjPhone? Phone { get; set; }
    [JsonPropertyName("address")] public StjAddress? Address { get; set; }
    [JsonPropertyName("meta")] public JsonObject? Meta { get; set; }
    [JsonPropertyName("created_datetime")] public DateTimeOffset? CreatedDatetime { get; set; }
}

public sealed class StjCustomerName : StjModel
{
    [JsonPropertyName("first")] public string? First { get; set; }
    [JsonPropertyName("middle")] public string? Middle { get; set; }
    [JsonPropertyName("last")] public string? Last { get; set; }
}

public sealed class StjPhone : StjModel
{
    [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
    [JsonPropertyName("number")] public string? Number { get; set; }
}

public sealed class StjAddress : StjModel
{
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("line1")] public string? Line1 { get; set; }
    [JsonPropertyName("line2")] public string? Line2 { get; set; }
    [JsonPropertyName("postal_code")] public string? PostalCode { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
}

public sealed class StjPaymentMethod : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjPaymentMethod() { }

    [JsonPropertyName("id")] [JsonRequired] public required string Id { get; set; }
    [JsonPropertyName("type")] [JsonRequired] public required StjPaymentMethodType Type { get; set; }
    [JsonPropertyName("card")] public StjCardDetails? Card { get; set; }
    [JsonPropertyName("mobile_money")] public StjMobileMoney? MobileMoney { get; set; }
    [JsonPropertyName("bank_transfer")] public StjEmpty? BankTransfer { get; set; }
    [JsonPropertyName("ussd")] public StjUssd? Ussd { get; set; }
    [JsonPropertyName("opay")] public StjEmpty? Opay { get; set; }
    [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
    [JsonPropertyName("meta")] public JsonObject? Meta { get; set; }
    [JsonPropertyName("device_fingerprint")] public string? DeviceFingerprint { get; set; }
    [JsonPropertyName("client_ip")] public string? ClientIp { get; set; }
    [JsonPropertyName("created_datetime")] public DateTimeOffset? CreatedDatetime { get; set; }
}

public sealed class StjCardDetails : StjModel
{
    [JsonPropertyName("expiry_month")] public string? ExpiryMonth { get; set; }
    [JsonPropertyName("expiry_year")] public string? ExpiryYear { get; set; }
    [JsonPropertyName("first6")] public string? First6 { get; set; }
    [JsonPropertyName("last4")] public string? Last4 { get; set; }
    [JsonPropertyName("network")] public string? Network { get; set; }
    [JsonPropertyName("billing_address")] public StjAddress? BillingAddress { get; set; }
    [JsonPropertyName("cof")] public StjCardOnFile? Cof { get; set; }
    [JsonPropertyName("card_holder_name")] public string? CardHolderName { get; set; }
}

public sealed class StjCardOnFile : StjModel
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; set; }
    [JsonPropertyName("agreement_id")] public string? AgreementId { get; set; }
    [JsonPropertyName("trace_id")] public string? TraceId { get; set; }
    [JsonPropertyName("recurring_amount_variability")] public string? RecurringAmountVariability { get; set; }
    [JsonPropertyName("agreement_type")] public string? AgreementType { get; set; }
}

public sealed class StjMobileMoney : StjModel
{
    [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
    [JsonPropertyName("network")] public string? Network { get; set; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
}

public sealed class StjUssd : StjModel
{
    [JsonPropertyName("account_bank")] public string? AccountBank { get; set; }
}

/// <summary>The schemas without declared members (Opay, BankTransfer, RequiresPin, ...): only unknown members.</summary>
public sealed class StjEmpty : StjModel
{
}

public sealed class StjNextAction : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjNextAction() { }

    [JsonPropertyName("type")] [JsonRequired] public required StjNextActionType Type { get; set; }
    [JsonPropertyName("redirect_url")] public StjNextActionRedirect? RedirectUrl { get; set; }
    [JsonPropertyName("requires_pin")] public StjEmpty? RequiresPin { get; set; }
    [JsonPropertyName("requires_otp")] public StjEmpty? RequiresOtp { get; set; }
    [JsonPropertyName("requires_additional_fields")] public StjNextActionRequiresAdditionalFields? RequiresAdditionalFields { get; set; }
    [JsonPropertyName("payment_instruction")] public StjNextActionPaymentInstruction? PaymentInstruction { get; set; }
}

public sealed class StjNextActionRedirect : StjModel
{
    [JsonPropertyName("url")] public Uri? Url { get; set; }
}

public sealed class StjNextActionRequiresAdditionalFields : StjModel
{
    [JsonPropertyName("fields")] public List<string>? Fields { get; set; }
}

public sealed class StjNextActionPaymentInstruction : StjModel
{
    [JsonPropertyName("note")] public string? Note { get; set; }
}

public sealed class StjProcessorResponse : StjModel
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
}

public sealed class StjFee : StjModel
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }
}

public sealed class StjBillingDetails : StjModel
{
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("name")] public StjCustomerName? Name { get; set; }
    [JsonPropertyName("phone")] public StjPhone? Phone { get; set; }
    [JsonPropertyName("address")] public StjAddress? Address { get; set; }
}

public sealed class StjChargeAuthorization : StjModel
{
    [JsonPropertyName("type")] public StjChargeAuthorizationType? Type { get; set; }
    [JsonPropertyName("pin")] public StjPinAuthorization? Pin { get; set; }
    [JsonPropertyName("otp")] public StjOtpAuthorization? Otp { get; set; }
    [JsonPropertyName("avs")] public StjAvsAuthorization? Avs { get; set; }
    [JsonPropertyName("3ds")] public StjEmpty? ThreeDs { get; set; }
}

public sealed class StjPinAuthorization : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjPinAuthorization() { }

    [JsonPropertyName("nonce")] [JsonRequired] public required string Nonce { get; set; }
    [JsonPropertyName("encrypted_pin")] [JsonRequired] public required string EncryptedPin { get; set; }
}

public sealed class StjOtpAuthorization : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjOtpAuthorization() { }

    [JsonPropertyName("code")] [JsonRequired] public required string Code { get; set; }
}

public sealed class StjAvsAuthorization : StjModel
{
    [JsonConstructor, SetsRequiredMembers] internal StjAvsAuthorization() { }

    [JsonPropertyName("address")] [JsonRequired] public required StjAddress Address { get; set; }
}
