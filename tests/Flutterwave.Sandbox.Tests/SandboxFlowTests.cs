using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>The sandbox's flows, driven through the generated client over loopback.</summary>
public sealed class SandboxFlowTests
{
    private static RequestOptions Scenario(string key) => new() { ScenarioKey = key };

    [Fact]
    public async Task PinThenOtp_Succeeds_AndTheSandboxDecryptedCardAndPin()
    {
        await using var s = await SandboxClient.StartAsync();

        var pending = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(), Scenario("scenario:auth_pin&issuer:approved"));
        Assert.Equal("pending", pending.Status.ToString());
        Assert.Equal("requires_pin", pending.NextAction!.Type.ToString());
        Assert.Equal("553188", pending.PaymentMethodDetails!.Card!.First6);
        Assert.Equal("2950", pending.PaymentMethodDetails.Card.Last4);
        Assert.Equal("MASTERCARD", pending.PaymentMethodDetails.Card.Network);

        var afterPin = await s.Client.Charges.SubmitPinAsync(pending.Id, TestCards.Pin);
        Assert.Equal("requires_otp", afterPin.NextAction!.Type.ToString());

        var wrongOtp = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Charges.SubmitOtpAsync(pending.Id, "000000"));
        Assert.Equal("INVALID_OTP", wrongOtp.ErrorType);

        var done = await s.Client.Charges.SubmitOtpAsync(pending.Id, "123456");
        Assert.Equal("succeeded", done.Status.ToString());
        Assert.Null(done.NextAction);
        Assert.Equal("approved", done.ProcessorResponse!.Type);
        Assert.Equal("00", done.ProcessorResponse.Code);

        var fetched = await s.Client.Charges.GetChargeAsync(pending.Id);
        Assert.Equal("succeeded", fetched.Status.ToString());
    }

    [Fact]
    public async Task ThreeDs_RedirectPageFinishesTheCharge()
    {
        await using var s = await SandboxClient.StartAsync();
        var request = TestCards.DirectCharge();
        request.RedirectUrl = new Uri("https://merchant.example/return");

        var pending = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(request, Scenario("scenario:auth_3ds"));
        var url = pending.GetNextActionRedirectUrl();
        Assert.NotNull(url);
        Assert.Equal(s.Server.BaseAddress.Authority, url!.Authority);

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var page = await noRedirects.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://merchant.example/return?status=succeeded", page.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);

        Assert.Equal("succeeded", (await s.Client.Charges.GetChargeAsync(pending.Id)).Status.ToString());
    }

    [Fact]
    public async Task PinThen3ds_AndAvsThenOtp_FollowTheirSequences()
    {
        await using var s = await SandboxClient.StartAsync();

        var pin3ds = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(), Scenario("scenario:auth_pin_3ds"));
        var afterPin = await s.Client.Charges.SubmitPinAsync(pin3ds.Id, TestCards.Pin);
        Assert.Equal("redirect_url", afterPin.NextAction!.Type.ToString());
        var otpTooEarly = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Charges.SubmitOtpAsync(pin3ds.Id, "123456"));
        Assert.Equal("INVALID_AUTHORIZATION", otpTooEarly.ErrorType);

        var avs = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(), Scenario("scenario:auth_avs"));
        Assert.Equal("requires_additional_fields", avs.NextAction!.Type.ToString());
        Assert.Contains("authorization.avs.address.city", avs.NextAction.RequiresAdditionalFields!.Fields!);
        var address = new Address { Line1 = "1 Marina", City = "Lagos", State = "Lagos", Country = "NG", PostalCode = "101001" };
        var afterAvs = await s.Client.Charges.SubmitAvsAddressAsync(avs.Id, address);
        Assert.Equal("requires_otp", afterAvs.NextAction!.Type.ToString());
        Assert.Equal("Lagos", afterAvs.BillingDetails!.Address!.City);
        var done = await s.Client.Charges.SubmitOtpAsync(avs.Id, "123456");
        Assert.Equal("succeeded", done.Status.ToString());
    }

    [Theory]
    [InlineData("issuer:insufficient_funds", "insufficient_funds", "51")]
    [InlineData("issuer:do_not_honor", "do_not_honor", "05")]
    [InlineData("scenario:auth_3ds&issuer:suspected_fraud", null, null)]
    public async Task IssuerOutcomes_FailTheCharge(string scenario, string? type, string? code)
    {
        await using var s = await SandboxClient.StartAsync();

        var charge = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(), Scenario(scenario));
        if (type is null)
        {
            // A 3-D Secure step comes first; the issuer answers once the customer is back.
            Assert.Equal("pending", charge.Status.ToString());
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var _ = await http.GetAsync(charge.GetNextActionRedirectUrl());
            charge = await s.Client.Charges.GetChargeAsync(charge.Id);
            (type, code) = ("suspected_fraud", "59");
        }

        Assert.Equal("failed", charge.Status.ToString());
        Assert.Equal(type, charge.ProcessorResponse!.Type);
        Assert.Equal(code, charge.ProcessorResponse.Code);
        var declined = Assert.Throws<FlutterwavePaymentDeclinedException>(() => charge.ThrowIfDeclined());
        Assert.Equal(type, declined.DeclineType);
        Assert.Equal(charge.Reference, declined.Reference);
    }

    [Fact]
    public async Task IncorrectPin_FailsAtThePinStep_AndAnExpiredCardFailsWhateverTheScenario()
    {
        await using var s = await SandboxClient.StartAsync();

        var pending = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(), Scenario("scenario:auth_pin&issuer:incorrect_pin"));
        var failed = await s.Client.Charges.SubmitPinAsync(pending.Id, TestCards.Pin);
        Assert.Equal("failed", failed.Status.ToString());
        Assert.Equal("incorrect_pin", failed.ProcessorResponse!.Type);

        var expired = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(card: TestCards.Card(expiryYear: "19")));
        Assert.Equal("failed", expired.Status.ToString());
        Assert.Equal("expired_card", expired.ProcessorResponse!.Type);
    }

    [Fact]
    public async Task WrongEncryptionKey_Is422ClientEncryptionError_AndNothingIsStored()
    {
        await using var s = await SandboxClient.StartAsync(configure: o => o.EncryptionKey = Convert.ToBase64String(new byte[32]));

        var error = await Assert.ThrowsAsync<ApiUnprocessableException>(() => s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge()));

        Assert.True(error.IsEncryptionError);
        Assert.Equal("CLIENT_ENCRYPTION_ERROR", error.ErrorType);
        var snapshot = s.Server.Snapshot();
        Assert.Empty(snapshot.Charges);
        Assert.Empty(snapshot.Customers);
        Assert.Empty(snapshot.PaymentMethods);
    }

    [Fact]
    public async Task CustomerAndPaymentMethod_ThenChargeByIds()
    {
        await using var s = await SandboxClient.StartAsync();

        var customer = await s.Client.Customers.CreateCustomerAsync(new CustomerRequest { Email = "grace@example.com", Name = new CustomerName { First = "Grace" } });
        var method = await s.Client.PaymentMethods.CreatePaymentMethodAsync(new PaymentMethodRequest { Type = "card", Card = TestCards.Card(), CustomerId = customer.Id });
        var charge = await s.Client.Charges.CreateChargeAsync(new ChargeRequest
        {
            Amount = 42.5m,
            Currency = Currency.NGN,
            Reference = TestCards.NewReference(),
            CustomerId = customer.Id,
            PaymentMethodId = method.Id,
        });

        Assert.StartsWith("cus_", customer.Id, StringComparison.Ordinal);
        Assert.StartsWith("pmd_", method.Id, StringComparison.Ordinal);
        Assert.Equal("succeeded", charge.Status.ToString());
        Assert.Equal(customer.Id, charge.CustomerId);
        Assert.Equal(42.5m, charge.Amount);
        Assert.Equal("grace@example.com", charge.BillingDetails!.Email);
        Assert.Equal(customer.Id, (await s.Client.Customers.GetCustomerAsync(customer.Id)).Id);
        Assert.Equal(method.Id, (await s.Client.PaymentMethods.GetPaymentMethodAsync(method.Id)).Id);
        var found = await s.Client.Customers.SearchCustomersAsync(new CustomerSearchRequest { Email = "GRACE@example.com" });
        Assert.Equal(customer.Id, Assert.Single(found.Items).Id);

        var missing = await Assert.ThrowsAsync<ApiBadRequestException>(() => s.Client.Charges.CreateChargeAsync(new ChargeRequest
        {
            Amount = 1m,
            Currency = Currency.NGN,
            Reference = TestCards.NewReference(),
            CustomerId = "cus_nothere000",
            PaymentMethodId = method.Id,
        }));
        Assert.Contains(missing.ValidationErrors, e => e.FieldName == "customer_id");
        await Assert.ThrowsAsync<ApiNotFoundException>(() => s.Client.Charges.GetChargeAsync("chg_nothere000"));
    }

    [Fact]
    public async Task ReusedReference_Is409_WhileARepeatedIdempotencyKeyReplaysTheFirstAnswer()
    {
        await using var s = await SandboxClient.StartAsync();
        var reference = TestCards.NewReference();
        var key = Guid.NewGuid().ToString("N");

        var first = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(reference), new RequestOptions { IdempotencyKey = key });
        var replay = await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(reference), new RequestOptions { IdempotencyKey = key });
        var conflict = await Assert.ThrowsAsync<ApiConflictException>(() =>
            s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(reference)));

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal("CHARGE_ALREADY_EXISTS", conflict.ErrorType);
        var snapshot = s.Server.Snapshot();
        Assert.Single(snapshot.Charges);
        Assert.Equal(1, snapshot.IdempotentReplays);

        // The replay is marked on the wire.
        var token = await s.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "customers") { Content = new StringContent("""{"email":"x@example.com"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Idempotency-Key", "raw-key-000000000001");
        using var firstRaw = await s.Raw.SendAsync(request);
        using var again = new HttpRequestMessage(HttpMethod.Post, "customers") { Content = new StringContent("""{"email":"x@example.com"}""", System.Text.Encoding.UTF8, "application/json") };
        again.Headers.Authorization = request.Headers.Authorization;
        again.Headers.Add("X-Idempotency-Key", "raw-key-000000000001");
        using var secondRaw = await s.Raw.SendAsync(again);
        Assert.Equal(HttpStatusCode.Created, firstRaw.StatusCode);
        Assert.False(firstRaw.Headers.Contains("X-Idempotency-Cache-Hit"));
        Assert.Equal(HttpStatusCode.Created, secondRaw.StatusCode);
        Assert.Equal("true", Assert.Single(secondRaw.Headers.GetValues("X-Idempotency-Cache-Hit")));
        Assert.Equal(await firstRaw.Content.ReadAsStringAsync(), await secondRaw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Orders_PreauthoriseThenCaptureOrVoid_WithTheDocumentedErrors()
    {
        await using var s = await SandboxClient.StartAsync();
        var orders = s.Client.Orders;

        var order = await s.Client.Orchestration.InitiateOrchestratorOrderAsync(TestCards.DirectOrder(amount: 250m));
        Assert.Equal("authorized", order.Status.ToString());

        var tooMuch = new OrderUpdateRequest { Action = OrderUpdateRequestAction.Capture };
        tooMuch.AdditionalProperties["amount"] = System.Text.Json.JsonDocument.Parse("300").RootElement.Clone();
        var invalid = await Assert.ThrowsAsync<ApiBadRequestException>(() => orders.UpdateOrderAsync(order.Id, tooMuch));
        Assert.Equal("CAPTURE_AMOUNT_INVALID", invalid.ErrorType);

        var captured = await orders.UpdateOrderAsync(order.Id, new OrderUpdateRequest { Action = OrderUpdateRequestAction.Capture });
        Assert.Equal("completed", captured.Status.ToString());
        var finalized = await Assert.ThrowsAsync<ApiConflictException>(() => orders.UpdateOrderAsync(order.Id, new OrderUpdateRequest { Action = OrderUpdateRequestAction.Void }));
        Assert.Equal("ORDER_FINALIZED", finalized.ErrorType);

        var second = await s.Client.Orchestration.InitiateOrchestratorOrderAsync(TestCards.DirectOrder());
        Assert.Equal("voided", (await orders.UpdateOrderAsync(second.Id, new OrderUpdateRequest { Action = OrderUpdateRequestAction.Void })).Status.ToString());

        var pending = await s.Client.Orchestration.InitiateOrchestratorOrderAsync(TestCards.DirectOrder(), Scenario("scenario:auth_3ds"));
        Assert.Equal("pending", pending.Status.ToString());
        var notAllowed = await Assert.ThrowsAsync<ApiConflictException>(() => orders.UpdateOrderAsync(pending.Id, new OrderUpdateRequest { Action = OrderUpdateRequestAction.Capture }));
        Assert.Equal("CAPTURE_VOID_NOT_ALLOWED", notAllowed.ErrorType);

        var declined = await s.Client.Orchestration.InitiateOrchestratorOrderAsync(TestCards.DirectOrder(), Scenario("issuer:do_not_honor"));
        Assert.Equal("failed", declined.Status.ToString());
        Assert.Equal(new[] { "completed", "voided", "pending", "failed" }, s.Server.Snapshot().Orders.Select(o => o.Status));
    }

    [Fact]
    public async Task VirtualAccounts_StaticAndDynamic()
    {
        await using var s = await SandboxClient.StartAsync();
        var accounts = s.Client.VirtualAccounts;

        var dynamic = await accounts.CreateVirtualAccountAsync(new VirtualAccountRequest { Currency = Currency.NGN, Amount = 5000m, Reference = TestCards.NewReference("va") });
        Assert.Matches("^[0-9]{10}$", dynamic.AccountNumber);
        Assert.NotNull(dynamic.ExpiryDatetime);
        Assert.InRange(dynamic.ExpiryDatetime!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(61));

        var permanent = await accounts.CreateVirtualAccountAsync(new VirtualAccountRequest { Currency = Currency.GHS, Amount = 0m, Bvn = "12345678901", IsPermanent = true });
        Assert.Null(permanent.ExpiryDatetime);

        var noBvn = await Assert.ThrowsAsync<ApiBadRequestException>(() => accounts.CreateVirtualAccountAsync(new VirtualAccountRequest { Currency = Currency.NGN, Amount = 0m }));
        Assert.Contains(noBvn.ValidationErrors, e => e.FieldName == "bvn");
        var usd = await Assert.ThrowsAsync<ApiBadRequestException>(() => accounts.CreateVirtualAccountAsync(new VirtualAccountRequest { Currency = Currency.USD, Amount = 10m }));
        Assert.Contains(usd.ValidationErrors, e => e.FieldName == "currency");

        var updated = await accounts.UpdateVirtualAccountAsync(dynamic.Id, new VirtualAccountRequest { Currency = Currency.NGN, Amount = 6000m });
        Assert.Equal(6000m, updated.Amount);
        Assert.Equal(2, (await accounts.ListVirtualAccountsAsync()).Items.Count);
    }

    [Fact]
    public async Task Lists_PageNewestFirst_AndAutoPagingSeesEveryCharge()
    {
        await using var s = await SandboxClient.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge())).Id);
        }

        var page = await s.Client.Charges.ListChargesAsync(limit: 2, page: 1);
        Assert.Equal(new[] { ids[4], ids[3] }, page.Items.Select(c => c.Id));
        Assert.Equal(5, page.PageInfo!.Total);
        Assert.Equal(3, page.PageInfo.TotalPages);

        var all = new List<string>();
        await foreach (var charge in s.Client.Charges.ListChargesAutoPagingAsync(limit: 2))
        {
            all.Add(charge.Id);
        }

        Assert.Equal(ids.AsEnumerable().Reverse(), all);
    }

    [Fact]
    public async Task Token_WrongCredentialsAre401_AndTokensLast600Seconds()
    {
        await using var s = await SandboxClient.StartAsync();
        using var wrong = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = s.Server.ClientId,
            ["client_secret"] = "not-the-secret",
        });
        using var refused = await s.Raw.PostAsync(s.Server.TokenEndpoint, wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var right = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = s.Server.ClientId,
            ["client_secret"] = s.Server.ClientSecret,
        });
        using var issued = await s.Raw.PostAsync(s.Server.TokenEndpoint, right);
        using var json = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        Assert.Equal(600, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());

        using var noToken = await s.Raw.GetAsync("charges");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Contains("\"UNAUTHORIZED\"", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneTokenServesManyCalls()
    {
        await using var s = await SandboxClient.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => s.Client.Customers.ListCustomersAsync()));
        Assert.Equal(1, s.Server.Snapshot().TokensIssued);
    }
}

public sealed class SandboxIdempotencyTests
{
    [Fact]
    public async Task ConcurrentRequestsWithOneKey_MakeOneCharge_AndTheSameKeyElsewhereIsANewRequest()
    {
        await using var s = await SandboxClient.StartAsync();
        var reference = TestCards.NewReference();
        var key = Guid.NewGuid().ToString("N");

        var charges = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            s.Client.Orchestration.InitiateOrchestratorChargeAsync(TestCards.DirectCharge(reference), new RequestOptions { IdempotencyKey = key })));
        var customer = await s.Client.Customers.CreateCustomerAsync(new CustomerRequest { Email = "key@example.com" }, new RequestOptions { IdempotencyKey = key });

        Assert.Single(charges.Select(c => c.Id).Distinct());
        var snapshot = s.Server.Snapshot();
        Assert.Single(snapshot.Charges);
        Assert.Equal(19, snapshot.IdempotentReplays);
        Assert.StartsWith("cus_", customer.Id, StringComparison.Ordinal);
        Assert.Contains(snapshot.Customers, c => c.Id == customer.Id);
    }
}
