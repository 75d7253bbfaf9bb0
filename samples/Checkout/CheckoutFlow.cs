using System.Diagnostics;
using System.Globalization;
using System.Net;
using Flutterwave;
using Flutterwave.Runtime;

namespace Checkout;

/// <summary>
/// The checkout, step by step, through the generated <see cref="FlutterwaveClient"/>: a customer; a saved card
/// charged with PIN then OTP; a 3-D Secure charge; a declined card; an order authorised then captured; a dynamic
/// virtual account; and the charges listed page by page. Then what happens to the money (the other parts of this
/// partial class): the wallet's balance, a partial refund, the settlement, a payout to a supplier abroad, and the
/// balance again. Each step prints what it sent in business terms and what came back (ids, statuses, next actions,
/// amounts), never card data or credentials.
/// </summary>
internal sealed partial class CheckoutFlow : IDisposable
{
    /// <summary>Page size for the listing step: small, so that even a short run pages.</summary>
    private const int ListPageSize = 2;

    /// <summary>The listing step stops after this many charges (a real account may hold thousands).</summary>
    private const int MaxListedCharges = 20;

    private const string Naira = "NGN";

    private readonly FlutterwaveClient _client;
    private readonly ServerConnection _connection;
    private readonly Transcript _transcript;
    private readonly ApiCallCounter _calls;
    private readonly HttpClient _browser;
    private readonly List<string> _chargeIds = [];
    private readonly List<Charge> _paidCharges = [];
    private Customer? _customer;
    private PaymentMethod? _savedCard;

    /// <summary>Creates the flow.</summary>
    /// <param name="client">The generated client, from DI.</param>
    /// <param name="connection">The server it talks to.</param>
    /// <param name="transcript">Where the story is written.</param>
    /// <param name="calls">Counts the client's requests (for the listing's pages).</param>
    public CheckoutFlow(FlutterwaveClient client, ServerConnection connection, Transcript transcript, ApiCallCounter calls)
    {
        _client = client;
        _connection = connection;
        _transcript = transcript;
        _calls = calls;
        // Plays the customer at a sandbox redirect page: one GET, the redirect it answers with is not followed.
        _browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        RunId = Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>
    /// This run's identifier: every reference is <c>chk-{RunId}-{step}</c> and every idempotency key
    /// <c>chk{RunId}{purpose}</c>, so runs never collide and a repeated call within a run is answered from the
    /// server's idempotency store instead of acting twice.
    /// </summary>
    public string RunId { get; }

    /// <summary>Runs every step in order; a failed step does not stop the others.</summary>
    /// <param name="cancellationToken">Stops the run (Ctrl+C).</param>
    /// <returns>Each step's outcome, in order.</returns>
    public async Task<IReadOnlyList<StepOutcome>> RunAsync(CancellationToken cancellationToken)
    {
        var steps = new (string Key, string Title, Func<CancellationToken, Task<StepReport>> Run)[]
        {
            ("a", "Create a customer", CreateCustomerAsync),
            ("b", "Card charge: PIN, then OTP", ChargeWithPinAndOtpAsync),
            ("c", "Card charge: 3-D Secure redirect", ChargeWith3DSecureAsync),
            ("d", "Declined card", DeclinedCardAsync),
            ("e", "Order: authorise, then capture", AuthoriseAndCaptureOrderAsync),
            ("f", "Dynamic virtual account", DynamicVirtualAccountAsync),
            ("g", "List charges, page by page", ListChargesAsync),
            ("h", "Wallet balance, before", WalletBalanceBeforeAsync),
            ("i", "Refund part of a charge", RefundPartOfChargeAsync),
            ("j", "Settlements of this run's charges", ListSettlementsAsync),
            ("k", "Pay a supplier abroad (NGN to USD)", PaySupplierAsync),
            ("l", "Wallet balance, after, explained", WalletBalanceAfterAsync),
        };

        var outcomes = new List<StepOutcome>();
        foreach (var (key, title, run) in steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            outcomes.Add(await RunStepAsync(key, title, run, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <inheritdoc />
    public void Dispose() => _browser.Dispose();

    private async Task<StepOutcome> RunStepAsync(string key, string title, Func<CancellationToken, Task<StepReport>> run, CancellationToken cancellationToken)
    {
        _transcript.StepStarted(key, title);
        var clock = Stopwatch.StartNew();
        StepOutcome Failed(string result, string? id = null) => new(key, title, false, result, id, clock.Elapsed);
        StepOutcome outcome;
        try
        {
            var report = await run(cancellationToken).ConfigureAwait(false);
            outcome = new StepOutcome(key, title, true, report.Result, report.Id, clock.Elapsed);
        }
        catch (FlutterwavePaymentDeclinedException e)
        {
            // A decline where the step expected success: the typed decline says why, in the issuer's terms.
            _transcript.Note($"declined: {e.GetType().Name}, decline type {e.DeclineType}, code {e.DeclineCode}");
            _transcript.Note($"what to show the user: \"{e.CustomerMessage}\"");
            outcome = Failed($"declined ({e.DeclineType})", e.ObjectId);
        }
        catch (ApiException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The runtime's message names the operation, status, error type and code, the server's message and the
            // rejected fields; it never holds the request or the response body.
            var status = e.StatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no answer";
            _transcript.Note($"error: {e.GetType().Name}, status {status}, type {e.ErrorType ?? "-"}, code {e.ErrorCode ?? "-"}");
            _transcript.Note($"message: {e.Message}");
            if (e is ApiNetworkException && e.IdempotencyKey is not null)
            {
                _transcript.Note($"the server may have acted on it: retry with idempotency key {e.IdempotencyKey}");
            }

            outcome = Failed($"{e.GetType().Name} {e.ErrorType}".TrimEnd());
        }
        catch (UnexpectedOutcomeException e)
        {
            _transcript.Note("unexpected: " + e.Message);
            outcome = Failed(e.Result, e.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Failed("cancelled");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Not the API's answer: playing the redirect failed, the connection broke, a value was refused locally.
            _transcript.Note($"error: {e.GetType().Name}: {e.Message}");
            outcome = Failed(e.GetType().Name);
        }

        _transcript.StepFinished(outcome);
        return outcome;
    }

    // ----------------------------------------------------------------------------------------------- a. customer
    private async Task<StepReport> CreateCustomerAsync(CancellationToken cancellationToken)
    {
        var request = new CustomerRequest
        {
            Email = $"ada.{RunId}@example.com",
            Name = new CustomerName { First = "Ada", Last = "Lovelace" },
            Phone = new Phone { CountryCode = "234", Number = "8012345678" },
        };
        _transcript.Sent("POST /customers", $"new customer Ada Lovelace <{request.Email}>, phone +234 801 234 5678");
        var customer = await _client.Customers.CreateCustomerAsync(request, Call("customer"), cancellationToken).ConfigureAwait(false);
        _transcript.Received(customer.Id, $"customer {customer.Name?.First} {customer.Name?.Last} <{customer.Email}>" + Created(customer.CreatedDatetime));
        _customer = customer;
        return new StepReport("created", customer.Id);
    }

    // ------------------------------------------------------------------------------------- b. PIN, then OTP
    private async Task<StepReport> ChargeWithPinAndOtpAsync(CancellationToken cancellationToken)
    {
        var customer = RequireCustomer();
        var card = await SavedCardAsync(customer, cancellationToken).ConfigureAwait(false);
        const string scenario = "scenario:auth_pin&issuer:approved";
        var request = new ChargeRequest
        {
            Amount = 2500m,
            Currency = Currency.NGN,
            Reference = $"chk-{RunId}-pin",
            CustomerId = customer.Id,
            PaymentMethodId = card.Id,
        };
        _transcript.Sent("POST /charges", $"charge {Money(request.Amount, Naira)} to {card.Id} of {customer.Id}, reference {request.Reference}\nX-Scenario-Key {scenario}");
        var charge = await _client.Charges.CreateChargeAsync(request, Call("pincharge", scenario), cancellationToken).ConfigureAwait(false);
        _chargeIds.Add(charge.Id);
        ReceivedCharge(charge);
        Expect(charge, ChargeStatus.Pending, NextActionType.RequiresPin);

        _transcript.Sent($"PUT /charges/{charge.Id}", "the card's PIN, as the customer typed it (encrypted before it is sent)");
        charge = await _client.Charges.SubmitPinAsync(charge.Id, TestCard.Pin, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReceivedCharge(charge);
        Expect(charge, ChargeStatus.Pending, NextActionType.RequiresOtp);

        _transcript.Sent($"PUT /charges/{charge.Id}", "the one-time code the customer received");
        charge = await _client.Charges.SubmitOtpAsync(charge.Id, _connection.OneTimeCode, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReceivedCharge(charge);
        Expect(charge, ChargeStatus.Succeeded);
        _paidCharges.Add(charge);
        return new StepReport($"succeeded, {Money(charge.Amount, charge.Currency.ToString())}", charge.Id);
    }

    // ------------------------------------------------------------------------------------------ c. 3-D Secure
    private async Task<StepReport> ChargeWith3DSecureAsync(CancellationToken cancellationToken)
    {
        var customer = RequireCustomer();
        var card = await SavedCardAsync(customer, cancellationToken).ConfigureAwait(false);
        const string scenario = "scenario:auth_3ds&issuer:approved";
        var request = new ChargeRequest
        {
            Amount = 4200m,
            Currency = Currency.NGN,
            Reference = $"chk-{RunId}-3ds",
            CustomerId = customer.Id,
            PaymentMethodId = card.Id,
            RedirectUrl = new Uri("https://example.com/checkout/complete"),
        };
        _transcript.Sent("POST /charges", $"charge {Money(request.Amount, Naira)} to {card.Id} of {customer.Id}, reference {request.Reference}\nback to {request.RedirectUrl} afterwards; X-Scenario-Key {scenario}");
        var charge = await _client.Charges.CreateChargeAsync(request, Call("3dscharge", scenario), cancellationToken).ConfigureAwait(false);
        _chargeIds.Add(charge.Id);
        ReceivedCharge(charge);
        Expect(charge, ChargeStatus.Pending, NextActionType.RedirectUrl);

        var redirect = charge.GetNextActionRedirectUrl()
            ?? throw new UnexpectedOutcomeException("the redirect_url next action carries no URL", charge.Id);
        _transcript.Note($"send the customer to {redirect}");
        if (!_connection.CanPlayCustomerAt(redirect))
        {
            _transcript.Note($"the customer finishes 3-D Secure there; GET /charges/{charge.Id} then shows the outcome");
            return new StepReport("awaiting the customer at the redirect", charge.Id);
        }

        _transcript.Sent($"GET {redirect.AbsolutePath}", "the customer completes 3-D Secure on the sandbox's page (redirects not followed)");
        using (var page = await _browser.GetAsync(redirect, cancellationToken).ConfigureAwait(false))
        {
            var status = (int)page.StatusCode;
            _transcript.Received($"{status} {page.StatusCode}", page.Headers.Location is { } back ? $"customer sent back to {back}" : "page shown to the customer");
            if (page.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK))
            {
                throw new UnexpectedOutcomeException($"the redirect page answered {status}", charge.Id);
            }
        }

        _transcript.Sent($"GET /charges/{charge.Id}", "the charge, now that the customer is back");
        charge = await _client.Charges.GetChargeAsync(charge.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReceivedCharge(charge);
        Expect(charge, ChargeStatus.Succeeded);
        _paidCharges.Add(charge);
        return new StepReport($"succeeded, {Money(charge.Amount, charge.Currency.ToString())}", charge.Id);
    }

    // --------------------------------------------------------------------------------------- d. declined card
    private async Task<StepReport> DeclinedCardAsync(CancellationToken cancellationToken)
    {
        var customer = RequireCustomer();
        var card = await SavedCardAsync(customer, cancellationToken).ConfigureAwait(false);
        const string scenario = "issuer:insufficient_funds";
        var request = new ChargeRequest
        {
            Amount = 98000m,
            Currency = Currency.NGN,
            Reference = $"chk-{RunId}-dcl",
            CustomerId = customer.Id,
            PaymentMethodId = card.Id,
        };
        _transcript.Sent("POST /charges", $"charge {Money(request.Amount, Naira)} to {card.Id} of {customer.Id}, reference {request.Reference}\nX-Scenario-Key {scenario}");
        var charge = await _client.Charges.CreateChargeAsync(request, Call("dclcharge", scenario), cancellationToken).ConfigureAwait(false);
        _chargeIds.Add(charge.Id);
        ReceivedCharge(charge);
        try
        {
            charge.ThrowIfDeclined();
        }
        catch (FlutterwavePaymentDeclinedException e)
        {
            _transcript.Note($"charge.ThrowIfDeclined() threw {e.GetType().Name}:");
            _transcript.Note($"  decline type     {e.DeclineType}");
            _transcript.Note($"  decline code     {e.DeclineCode}");
            _transcript.Note($"  may retry later  {(e.MayRetryLater ? "yes" : "no")}");
            _transcript.Note($"  what to show the user: \"{e.CustomerMessage}\"");
            return new StepReport($"declined as expected: {e.DeclineType} ({e.DeclineCode})", charge.Id);
        }

        throw new UnexpectedOutcomeException($"expected a declined charge, got {Describe(charge)}", charge.Id);
    }

    // ------------------------------------------------------------------------------ e. authorise, then capture
    private async Task<StepReport> AuthoriseAndCaptureOrderAsync(CancellationToken cancellationToken)
    {
        var customer = RequireCustomer();
        var request = new OrderRequest
        {
            Amount = 15000m,
            Currency = Currency.NGN,
            Reference = $"chk-{RunId}-ord",
            Customer = new CustomerRequest { Email = customer.Email, Name = new CustomerName { First = "Ada", Last = "Lovelace" } },
            PaymentMethod = new PaymentMethodRequest { Type = PaymentMethodType.Card, Card = NewCard() },
            Description = "Checkout sample: order captured on dispatch",
        };
        _transcript.Sent(
            "POST /orchestration/direct-orders",
            $"authorise {Money(request.Amount, Naira)} on card ending {TestCard.Last4} for {customer.Email}, reference {request.Reference}\n(the orchestrator records the customer and the card with the order)");
        var order = await _client.Orchestration.InitiateOrchestratorOrderAsync(request, Call("order"), cancellationToken).ConfigureAwait(false);
        ReceivedOrder(order);
        order.ThrowIfDeclined();
        if (order.Status != OrderStatus.Authorized)
        {
            throw new UnexpectedOutcomeException($"expected an authorized order, got {order.Status}", order.Id);
        }

        _transcript.Sent($"PUT /orders/{order.Id}", $"capture the authorised {Money(order.Amount, order.Currency.ToString())} (the goods have shipped)");
        order = await _client.Orders.UpdateOrderAsync(order.Id, new OrderUpdateRequest { Action = OrderUpdateRequestAction.Capture }, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReceivedOrder(order);
        if (order.Status != OrderStatus.Completed)
        {
            throw new UnexpectedOutcomeException($"expected a completed order after the capture, got {order.Status}", order.Id);
        }

        return new StepReport($"completed, {Money(order.Amount, order.Currency.ToString())} captured", order.Id);
    }

    // -------------------------------------------------------------------------------- f. dynamic virtual account
    private async Task<StepReport> DynamicVirtualAccountAsync(CancellationToken cancellationToken)
    {
        var customer = RequireCustomer();
        const int expirySeconds = 3600;
        var request = new VirtualAccountRequest
        {
            Currency = Currency.NGN,
            Amount = 5000m,
            CustomerId = customer.Id,
            Reference = $"chk-{RunId}-va",
            Narration = "Ada Lovelace",
            IsPermanent = false,
            Expiry = expirySeconds,
        };
        _transcript.Sent(
            "POST /virtual-accounts",
            $"a one-off NGN account for {customer.Id} to pay {Money(request.Amount.Value, Naira)} into by bank transfer\nexpires after {expirySeconds} s, reference {request.Reference}");
        var account = await _client.VirtualAccounts.CreateVirtualAccountAsync(request, Call("virtualaccount"), cancellationToken).ConfigureAwait(false);
        var expires = account.ExpiryDatetime is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "(no expiry)";
        var amount = account.Amount is { } due ? Money(due, account.Currency?.ToString() ?? Naira) : "(no amount)";
        _transcript.Received(account.Id, $"{account.Status ?? "(no status)"}: account number {account.AccountNumber} at {account.BankName ?? "(bank not given)"}\nexpects {amount}, expires {expires}");
        if (string.IsNullOrEmpty(account.AccountNumber) || account.ExpiryDatetime is null)
        {
            throw new UnexpectedOutcomeException("expected an account number and an expiry for a dynamic account", account.Id);
        }

        return new StepReport($"account {account.AccountNumber}, {account.BankName}", account.Id);
    }

    // ------------------------------------------------------------------------------------- g. list, page by page
    private async Task<StepReport> ListChargesAsync(CancellationToken cancellationToken)
    {
        var pagesBefore = _calls.Count("GET", "charges");
        _transcript.Sent("GET /charges", $"every charge, newest first, {ListPageSize} per page (ListChargesAutoPagingAsync fetches pages as it goes)");
        var listed = new List<Charge>();
        await foreach (var charge in _client.Charges.ListChargesAutoPagingAsync(limit: ListPageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            listed.Add(charge);
            if (listed.Count == MaxListedCharges)
            {
                break;
            }
        }

        var pages = _calls.Count("GET", "charges") - pagesBefore;
        var lines = listed.Select(c => $"{c.Id}  {c.Status,-9}  {Money(c.Amount, c.Currency.ToString()),14}  {c.Reference}");
        _transcript.Received($"{listed.Count} charges", $"over {pages} pages{(listed.Count == MaxListedCharges ? $" (stopped at {MaxListedCharges})" : string.Empty)}\n" + string.Join('\n', lines));
        var missing = _chargeIds.Except(listed.Select(c => c.Id), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new UnexpectedOutcomeException($"this run's charges {string.Join(", ", missing)} were not listed");
        }

        if (listed.Count > ListPageSize && pages < 2)
        {
            throw new UnexpectedOutcomeException($"{listed.Count} charges came in {pages} page(s) of at most {ListPageSize}");
        }

        return new StepReport($"{listed.Count} charges over {pages} pages", null);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /// <summary>The card saved in step b (POST /payment-methods), saved now if that has not happened yet.</summary>
    private async Task<PaymentMethod> SavedCardAsync(Customer customer, CancellationToken cancellationToken)
    {
        if (_savedCard is not null)
        {
            return _savedCard;
        }

        var request = new PaymentMethodRequest { Type = PaymentMethodType.Card, CustomerId = customer.Id, Card = NewCard() };
        _transcript.Sent("POST /payment-methods", $"save card ending {TestCard.Last4} for {customer.Id}\n(number, expiry and CVV are encrypted on this machine before sending)");
        var method = await _client.PaymentMethods.CreatePaymentMethodAsync(request, Call("savecard"), cancellationToken).ConfigureAwait(false);
        _transcript.Received(method.Id, $"{method.Type} {method.Card?.Network} ending {method.Card?.Last4 ?? "?"}, belongs to {method.CustomerId ?? customer.Id}");
        _savedCard = method;
        return method;
    }

    /// <summary>The test card in the client's plaintext members: the client encrypts them when it writes the request.</summary>
    private static Card NewCard() => new()
    {
        CardNumber = TestCard.Number,
        Cvv = TestCard.Cvv,
        ExpiryMonth = TestCard.ExpiryMonth,
        ExpiryYear = TestCard.ExpiryYear,
        CardHolderName = TestCard.HolderName,
    };

    private Customer RequireCustomer() =>
        _customer ?? throw new UnexpectedOutcomeException("needs the customer from step a, which was not created", result: "not run: needs step a");

    /// <summary>
    /// Options for one POST: an idempotency key tied to this run and purpose (a repeat of the same call, by a retry
    /// or by a person, is answered with the first result) and, for the sandbox, the scenario to play.
    /// </summary>
    private RequestOptions Call(string purpose, string? scenario = null) =>
        new() { IdempotencyKey = $"chk{RunId}{purpose}", ScenarioKey = scenario };

    private void ReceivedCharge(Charge charge) => _transcript.Received(charge.Id, Describe(charge));

    private void ReceivedOrder(Order order)
    {
        var next = order.NextAction is { } action ? $", next_action {action.Type}" : string.Empty;
        _transcript.Received(order.Id, $"{order.Status}{next}{Processor(order.ProcessorResponse)}, {Money(order.Amount, order.Currency.ToString())}");
    }

    private static string Describe(Charge charge)
    {
        var next = charge.NextAction is { } action ? $", next_action {action.Type}" : string.Empty;
        return $"{charge.Status}{next}{Processor(charge.ProcessorResponse)}, {Money(charge.Amount, charge.Currency.ToString())}";
    }

    private static string Processor(ProcessorResponse? response) =>
        response is null ? string.Empty : $", processor {response.Type ?? "?"} ({response.Code ?? "?"})";

    private static void Expect(Charge charge, ChargeStatus status, NextActionType? nextAction = null)
    {
        // A decline surfaces as the typed exception, whatever step it interrupts.
        charge.ThrowIfDeclined();
        var actualNext = charge.NextAction?.Type;
        if (charge.Status != status || (nextAction is { } wanted && actualNext != wanted))
        {
            var expected = nextAction is { } n ? $"{status} with next_action {n}" : status.ToString();
            throw new UnexpectedOutcomeException($"expected {expected}, got {Describe(charge)}", charge.Id);
        }
    }

    private static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString("N2", CultureInfo.InvariantCulture)}";

    private static string Created(DateTimeOffset? at) =>
        at is { } when ? ", created " + when.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : string.Empty;
}
