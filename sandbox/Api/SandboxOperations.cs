using System.Globalization;
using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Api.Resources;
using Flutterwave.Sandbox.Validation;

namespace Flutterwave.Sandbox.Api;

/// <summary>
/// The sandbox's behaviour for the collection operations (customers, charges, payment methods, orders, virtual
/// accounts), keyed by operationId; the payout and post-payment resources live in <c>Resources/</c>, and
/// <see cref="SandboxHandlers"/> joins them. Handlers run under the state's lock and change nothing until every check
/// has passed, so a rejected request leaves no trace.
/// </summary>
internal static class SandboxOperations
{
    private static readonly string[] AvsFields = ["line1", "city", "state", "country", "postal_code"];

    public static IReadOnlyDictionary<string, Func<OperationContext, OperationResult>> Handlers { get; } =
        new Dictionary<string, Func<OperationContext, OperationResult>>(StringComparer.Ordinal)
        {
            ["listCustomers"] = c => List(c, c.State.Customers.Values, "Customers fetched"),
            ["createCustomer"] = CreateCustomer,
            ["getCustomer"] = c => Get(c, c.State.Customers, "customer", "Customer fetched"),
            ["updateCustomer"] = UpdateCustomer,
            ["searchCustomers"] = SearchCustomers,
            ["listCharges"] = c => List(c, c.State.Charges.Values, "Charges fetched"),
            ["createCharge"] = c => CreatePayment(c, isOrder: false, orchestrated: false),
            ["getCharge"] = c => Get(c, c.State.Charges, "charge", "Charge fetched"),
            ["updateCharge"] = UpdateCharge,
            ["initiateOrchestratorCharge"] = c => CreatePayment(c, isOrder: false, orchestrated: true),
            ["initiateOrchestratorOrder"] = c => CreatePayment(c, isOrder: true, orchestrated: true),
            ["listPaymentMethods"] = c => List(c, c.State.PaymentMethods.Values, "Payment methods fetched"),
            ["createPaymentMethod"] = CreatePaymentMethod,
            ["getPaymentMethod"] = c => Get(c, c.State.PaymentMethods, "payment method", "Payment method fetched"),
            ["listOrders"] = c => List(c, c.State.Orders.Values, "Orders fetched"),
            ["createOrder"] = c => CreatePayment(c, isOrder: true, orchestrated: false),
            ["getOrder"] = c => Get(c, c.State.Orders, "order", "Order fetched"),
            ["updateOrder"] = UpdateOrder,
            ["listVirtualAccounts"] = c => List(c, c.State.VirtualAccounts.Values, "Virtual accounts fetched"),
            ["createVirtualAccount"] = CreateVirtualAccount,
            ["getVirtualAccount"] = c => Get(c, c.State.VirtualAccounts, "virtual account", "Virtual account fetched"),
            ["updateVirtualAccount"] = UpdateVirtualAccount,
        };

    // ------------------------------------------------------------------ generic

    private static OperationResult Get<T>(OperationContext c, Dictionary<string, T> store, string what, string message)
        where T : StoredObject =>
        c.Id is not null && store.TryGetValue(c.Id, out var found)
            ? new OperationResult(200, message, found.Data.DeepClone())
            : throw ApiProblem.NotFound($"No {what} with this id.");

    private static OperationResult List(OperationContext c, IEnumerable<StoredObject> items, string message)
    {
        var limit = ParseQuery(c, "limit", 25);
        var page = ParseQuery(c, "page", 1);
        var all = items.Reverse().ToList(); // newest first
        var data = new JsonArray();
        var skip = (long)(page - 1) * limit;
        if (skip < all.Count)
        {
            foreach (var item in all.Skip((int)skip).Take(limit))
            {
                data.Add(item.Data.DeepClone());
            }
        }

        var pages = (all.Count + limit - 1) / limit;
        var meta = new JsonObject
        {
            ["page_info"] = new JsonObject { ["total"] = all.Count, ["current_page"] = page, ["total_pages"] = pages },
        };
        return new OperationResult(200, message, data, meta);
    }

    private static int ParseQuery(OperationContext c, string name, int fallback) =>
        int.TryParse(c.Query(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    // ---------------------------------------------------------------- customers

    private static OperationResult CreateCustomer(OperationContext c)
    {
        var customer = BuildCustomer(c.RequireBody(), c.State.Now);
        c.State.Customers.Add(customer.Id, customer);
        return new OperationResult(201, "Customer created", customer.Data.DeepClone());
    }

    private static StoredObject BuildCustomer(JsonObject request, DateTimeOffset now)
    {
        var email = Json.Str(request, "email") ?? throw ApiProblem.Invalid("email", "is required");
        var id = SandboxState.NewId("cus_");
        var data = new JsonObject { ["id"] = id, ["email"] = email };
        foreach (var name in new[] { "name", "phone", "address", "meta" })
        {
            if (Json.Copy(request, name) is { } value)
            {
                data[name] = value;
            }
        }

        data["created_datetime"] = Json.Timestamp(now);
        return new StoredObject(id, null, data);
    }

    private static OperationResult UpdateCustomer(OperationContext c)
    {
        var body = c.RequireBody();
        if (c.Id is null || !c.State.Customers.TryGetValue(c.Id, out var customer))
        {
            throw ApiProblem.NotFound("No customer with this id.");
        }

        foreach (var name in new[] { "email", "name", "phone", "address", "meta" })
        {
            if (Json.Copy(body, name) is { } value)
            {
                customer.Data[name] = value;
            }
        }

        return new OperationResult(200, "Customer updated", customer.Data.DeepClone());
    }

    private static OperationResult SearchCustomers(OperationContext c)
    {
        var body = c.RequireBody();
        var email = Json.Str(body, "email");
        var phone = Json.Str(body, "phone_number");
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(phone))
        {
            throw ApiProblem.Invalid("body", "supply email or phone_number");
        }

        var phoneDigits = phone is null ? null : new string(phone.Where(char.IsAsciiDigit).ToArray());
        var matches = c.State.Customers.Values.Where(customer =>
        {
            if (email is not null && !string.Equals(Json.Str(customer.Data, "email"), email, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (phoneDigits is not null)
            {
                var p = Json.Obj(customer.Data, "phone");
                var number = Json.Str(p, "number") ?? string.Empty;
                var full = (Json.Str(p, "country_code") ?? string.Empty) + number;
                var international = (Json.Str(p, "country_code") ?? string.Empty) + number.TrimStart('0');
                return phoneDigits.Length > 0 && (phoneDigits == number || phoneDigits == full || phoneDigits == international);
            }

            return true;
        });
        return List(c, matches.ToList(), "Customers found");
    }

    // ---------------------------------------------------------- payment methods

    private static OperationResult CreatePaymentMethod(OperationContext c)
    {
        var body = c.RequireBody();
        var customerId = Json.Str(body, "customer_id");
        if (customerId is not null && !c.State.Customers.ContainsKey(customerId))
        {
            throw ApiProblem.Invalid("customer_id", "no customer with this id");
        }

        var method = BuildPaymentMethod(c.State, body, string.Empty, customerId);
        c.State.PaymentMethods.Add(method.Id, method);
        return new OperationResult(201, "Payment method created", method.Data.DeepClone());
    }

    private static StoredPaymentMethod BuildPaymentMethod(SandboxState state, JsonObject request, string prefix, string? customerId)
    {
        var type = Json.Str(request, "type") ?? throw ApiProblem.Invalid(prefix + "type", "is required");
        var id = SandboxState.NewId("pmd_");
        var data = new JsonObject { ["id"] = id, ["type"] = type };
        var expired = false;
        switch (type)
        {
            case "card":
                data["card"] = ReadCard(state, Json.Obj(request, "card") ?? throw ApiProblem.Invalid(prefix + "card", "is required when type is card"), prefix + "card.", out expired);
                break;
            case "mobile_money":
                var wallet = Json.Obj(request, "mobile_money") ?? throw ApiProblem.Invalid(prefix + "mobile_money", "is required when type is mobile_money");
                Require(wallet, prefix + "mobile_money.", "country_code", "network", "phone_number");
                data["mobile_money"] = wallet.DeepClone();
                break;
            case "ussd":
                var ussd = Json.Obj(request, "ussd") ?? throw ApiProblem.Invalid(prefix + "ussd", "is required when type is ussd");
                Require(ussd, prefix + "ussd.", "account_bank");
                data["ussd"] = ussd.DeepClone();
                break;
            case "opay":
                data["opay"] = Json.Copy(request, "opay") ?? new JsonObject();
                break;
            case "bank_transfer":
                data["bank_transfer"] = Json.Copy(request, "bank_transfer") ?? new JsonObject();
                break;
            default:
                throw ApiProblem.Invalid(prefix + "type", "must be one of card, mobile_money, bank_transfer, ussd, opay");
        }

        if (customerId is not null)
        {
            data["customer_id"] = customerId;
        }

        foreach (var name in new[] { "meta", "device_fingerprint", "client_ip" })
        {
            if (Json.Copy(request, name) is { } value)
            {
                data[name] = value;
            }
        }

        data["created_datetime"] = Json.Timestamp(state.Now);
        return new StoredPaymentMethod(id, data, type, expired);
    }

    private static void Require(JsonObject obj, string prefix, params string[] names)
    {
        var missing = names.Where(n => string.IsNullOrEmpty(Json.Str(obj, n))).Select(n => new FieldError(prefix + n, "is required")).ToList();
        if (missing.Count > 0)
        {
            throw ApiProblem.Invalid(missing);
        }
    }

    /// <summary>Decrypts a card and returns what the API shows of it: first six, last four, network, expiry.</summary>
    private static JsonObject ReadCard(SandboxState state, JsonObject card, string prefix, out bool expired)
    {
        var nonce = Json.Str(card, "nonce");
        var pan = state.Crypto.Decrypt(nonce, Json.Str(card, "encrypted_card_number"), prefix + "encrypted_card_number");
        var month = state.Crypto.Decrypt(nonce, Json.Str(card, "encrypted_expiry_month"), prefix + "encrypted_expiry_month");
        var year = state.Crypto.Decrypt(nonce, Json.Str(card, "encrypted_expiry_year"), prefix + "encrypted_expiry_year");
        var cvv = Json.Str(card, "encrypted_cvv") is { } encryptedCvv ? state.Crypto.Decrypt(nonce, encryptedCvv, prefix + "encrypted_cvv") : null;

        var errors = new List<FieldError>();
        if (pan.Length is < 12 or > 19 || !pan.All(char.IsAsciiDigit) || !PassesLuhn(pan))
        {
            errors.Add(new FieldError(prefix + "encrypted_card_number", "does not hold a valid card number"));
        }

        if (month.Length != 2 || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mm) || mm is < 1 or > 12)
        {
            errors.Add(new FieldError(prefix + "encrypted_expiry_month", "does not hold a two-digit month (01-12)"));
            mm = 0;
        }

        if (year.Length != 2 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
        {
            errors.Add(new FieldError(prefix + "encrypted_expiry_year", "does not hold a two-digit year"));
            yy = 0;
        }

        if (cvv is not null && (cvv.Length is < 3 or > 4 || !cvv.All(char.IsAsciiDigit)))
        {
            errors.Add(new FieldError(prefix + "encrypted_cvv", "does not hold a three- or four-digit security code"));
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var today = state.Now.UtcDateTime;
        expired = new DateTime(2000 + yy, mm, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1) <= today;
        var details = new JsonObject
        {
            ["expiry_month"] = month,
            ["expiry_year"] = year,
            ["first6"] = pan[..6],
            ["last4"] = pan[^4..],
            ["network"] = Network(pan),
        };
        if (Json.Copy(card, "billing_address") is { } address)
        {
            details["billing_address"] = address;
        }

        if (Json.Obj(card, "cof") is { } cof)
        {
            var copy = (JsonObject)cof.DeepClone();
            if (Json.Bool(cof, "enabled") == true)
            {
                copy["recurring_amount_variability"] = "VARIABLE";
                copy["agreement_type"] = "UNSCHEDULED";
            }

            details["cof"] = copy;
        }

        if (Json.Copy(card, "card_holder_name") is { } holder)
        {
            details["card_holder_name"] = holder;
        }

        return details;
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static string Network(string pan)
    {
        var two = int.Parse(pan.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var four = int.Parse(pan.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var six = int.Parse(pan.AsSpan(0, 6), CultureInfo.InvariantCulture);
        return pan[0] == '4' ? "VISA"
            : two is >= 51 and <= 55 || four is >= 2221 and <= 2720 ? "MASTERCARD"
            : six is >= 506099 and <= 506198 or >= 650002 and <= 650027 ? "VERVE"
            : two is 34 or 37 ? "AMEX"
            : "UNKNOWN";
    }

    // ------------------------------------------------------- charges and orders

    private static OperationResult CreatePayment(OperationContext c, bool isOrder, bool orchestrated)
    {
        var state = c.State;
        var body = c.RequireBody();
        var amount = Json.Amount(body, "amount", "amount") ?? throw ApiProblem.Invalid("amount", "is required");
        var reference = Json.Str(body, "reference") ?? throw ApiProblem.Invalid("reference", "is required");
        StoredObject customer;
        StoredPaymentMethod method;
        var newCustomer = false;
        if (orchestrated)
        {
            var missing = new List<FieldError>();
            if (Json.Obj(body, "customer") is null)
            {
                missing.Add(new FieldError("customer", "is required"));
            }

            if (Json.Obj(body, "payment_method") is null)
            {
                missing.Add(new FieldError("payment_method", "is required"));
            }

            if (missing.Count > 0)
            {
                throw ApiProblem.Invalid(missing);
            }

            customer = BuildCustomer(Json.Obj(body, "customer")!, state.Now);
            newCustomer = true;
            method = BuildPaymentMethod(state, Json.Obj(body, "payment_method")!, "payment_method.", customer.Id);
        }
        else
        {
            var customerId = Json.Str(body, "customer_id");
            var methodId = Json.Str(body, "payment_method_id");
            var errors = new List<FieldError>();
            StoredObject? foundCustomer = null;
            StoredPaymentMethod? foundMethod = null;
            if (customerId is null)
            {
                errors.Add(new FieldError("customer_id", "is required"));
            }
            else if (!state.Customers.TryGetValue(customerId, out foundCustomer))
            {
                errors.Add(new FieldError("customer_id", "no customer with this id"));
            }

            if (methodId is null)
            {
                errors.Add(new FieldError("payment_method_id", "is required"));
            }
            else if (!state.PaymentMethods.TryGetValue(methodId, out foundMethod))
            {
                errors.Add(new FieldError("payment_method_id", "no payment method with this id"));
            }

            if (errors.Count > 0)
            {
                throw ApiProblem.Invalid(errors);
            }

            customer = foundCustomer!;
            method = foundMethod!;
        }

        if (state.References.Contains(reference))
        {
            throw ApiProblem.Conflict("CHARGE_ALREADY_EXISTS", "A charge, order or virtual account with this reference already exists.");
        }

        var id = SandboxState.NewId(isOrder ? "ord_" : "chg_");
        var data = new JsonObject
        {
            ["id"] = id,
            ["amount"] = amount,
            ["currency"] = Json.Str(body, "currency"),
            ["reference"] = reference,
            ["status"] = "pending",
            ["customer_id"] = customer.Id,
            ["payment_method_details"] = method.Data.DeepClone(),
            ["fees"] = FeeSchedule.ToJson(FeeSchedule.ForPayment(amount, Json.Str(body, "currency"))),
            ["billing_details"] = BillingDetails(customer.Data),
        };
        foreach (var name in new[] { "redirect_url", "meta", "description" })
        {
            if (Json.Copy(body, name) is { } value)
            {
                data[name] = value;
            }
        }

        data["created_datetime"] = Json.Timestamp(state.Now);
        var payment = new StoredPayment(id, reference, data, isOrder, c.Scenario, Steps(method.Type, isOrder, c.Scenario)) { CardExpired = method.CardExpired };
        Advance(payment, c.BaseAddress);

        // Every check has passed: commit.
        if (newCustomer)
        {
            state.Customers.Add(customer.Id, customer);
        }

        if (orchestrated)
        {
            state.PaymentMethods.Add(method.Id, method);
        }

        state.References.Add(reference);
        (isOrder ? state.Orders : state.Charges).Add(id, payment);
        return new OperationResult(201, isOrder ? "Order created" : "Charge created", data.DeepClone());
    }

    private static JsonObject BillingDetails(JsonObject customer)
    {
        var details = new JsonObject();
        foreach (var name in new[] { "email", "name", "phone", "address" })
        {
            if (Json.Copy(customer, name) is { } value)
            {
                details[name] = value;
            }
        }

        return details;
    }

    private static IReadOnlyList<AuthStep> Steps(string methodType, bool isOrder, Scenario scenario) => methodType switch
    {
        "card" when isOrder => scenario.Auth is null ? [] : [AuthStep.Redirect],
        "card" => scenario.CardSteps(),
        "mobile_money" => scenario.Auth is null ? [AuthStep.Instruction] : [AuthStep.Redirect],
        "opay" => [AuthStep.Redirect],
        _ => [AuthStep.Instruction],
    };

    /// <summary>Shows the next step as <c>next_action</c>, or, with none left, applies the issuer's outcome.</summary>
    private static void Advance(StoredPayment payment, Uri baseAddress)
    {
        var data = payment.Data;
        if (payment.Steps.Count > 0)
        {
            data["status"] = "pending";
            data["processor_response"] = new JsonObject { ["type"] = "pending", ["code"] = "02" };
            data["next_action"] = NextAction(payment, payment.Steps.Peek(), baseAddress);
            return;
        }

        data.Remove("next_action");
        var outcome = payment.CardExpired ? Scenario.Issuers["expired_card"] : payment.Scenario.Issuer;
        data["status"] = outcome.Approved ? (payment.IsOrder ? "authorized" : "succeeded") : "failed";
        data["processor_response"] = new JsonObject { ["type"] = outcome.Name, ["code"] = outcome.Code };
    }

    private static JsonObject NextAction(StoredPayment payment, AuthStep step, Uri baseAddress)
    {
        switch (step)
        {
            case AuthStep.Pin:
                return new JsonObject { ["type"] = "requires_pin", ["requires_pin"] = new JsonObject() };
            case AuthStep.Otp:
                return new JsonObject { ["type"] = "requires_otp", ["requires_otp"] = new JsonObject() };
            case AuthStep.Avs:
                var fields = new JsonArray();
                foreach (var f in AvsFields)
                {
                    fields.Add("authorization.avs.address." + f);
                }

                return new JsonObject { ["type"] = "requires_additional_fields", ["requires_additional_fields"] = new JsonObject { ["fields"] = fields } };
            case AuthStep.Redirect:
                var url = new Uri(baseAddress, "sandbox/redirects/" + payment.Id).AbsoluteUri;
                return new JsonObject { ["type"] = "redirect_url", ["redirect_url"] = new JsonObject { ["url"] = url } };
            default:
                var method = Json.Obj(payment.Data, "payment_method_details");
                var note = Json.Str(method, "type") switch
                {
                    "ussd" => $"Dial *889*000*{payment.Id[4..]}# on the phone registered with the bank to approve the payment.",
                    "mobile_money" => "Approve the payment prompt sent to the mobile money wallet.",
                    _ => "Finish the payment as instructed.",
                };
                return new JsonObject { ["type"] = "payment_instruction", ["payment_instruction"] = new JsonObject { ["note"] = note } };
        }
    }

    private static OperationResult UpdateCharge(OperationContext c)
    {
        var body = c.RequireBody();
        if (c.Id is null || !c.State.Charges.TryGetValue(c.Id, out var charge))
        {
            throw ApiProblem.NotFound("No charge with this id.");
        }

        var authorization = Json.Obj(body, "authorization") ?? throw ApiProblem.Invalid("authorization", "is required");
        var type = Json.Str(authorization, "type") ?? throw ApiProblem.Invalid("authorization.type", "is required");
        if (charge.Status != "pending" || charge.Steps.Count == 0)
        {
            throw ApiProblem.BadRequest("INVALID_AUTHORIZATION", "The charge is not waiting for an authorization.");
        }

        var step = charge.Steps.Peek();
        var expected = step switch
        {
            AuthStep.Pin => "pin",
            AuthStep.Otp => "otp",
            AuthStep.Avs => "avs",
            _ => null,
        };
        if (expected is null)
        {
            throw ApiProblem.BadRequest("INVALID_AUTHORIZATION", "The charge waits for the customer to finish a redirect or payment instruction.");
        }

        if (type != expected)
        {
            throw ApiProblem.BadRequest("INVALID_AUTHORIZATION", $"The charge's next action asks for authorization type '{expected}'.");
        }

        switch (step)
        {
            case AuthStep.Pin:
                var pin = Json.Obj(authorization, "pin") ?? throw ApiProblem.Invalid("authorization.pin", "is required when type is pin");
                var plain = c.State.Crypto.Decrypt(Json.Str(pin, "nonce"), Json.Str(pin, "encrypted_pin"), "authorization.pin.encrypted_pin");
                if (plain.Length != 4 || !plain.All(char.IsAsciiDigit))
                {
                    throw ApiProblem.Invalid("authorization.pin.encrypted_pin", "does not hold a four-digit PIN");
                }

                charge.Steps.Dequeue();
                if (charge.Scenario.Issuer.Name == "incorrect_pin")
                {
                    charge.Steps.Clear();
                }

                break;
            case AuthStep.Otp:
                var code = Json.Str(Json.Obj(authorization, "otp"), "code") ?? throw ApiProblem.Invalid("authorization.otp.code", "is required when type is otp");
                if (!string.Equals(code, c.State.Settings.Otp, StringComparison.Ordinal))
                {
                    throw ApiProblem.BadRequest("INVALID_OTP", "The one-time code is not correct.");
                }

                charge.Steps.Dequeue();
                break;
            default:
                var address = Json.Obj(Json.Obj(authorization, "avs"), "address") ?? throw ApiProblem.Invalid("authorization.avs.address", "is required when type is avs");
                var missing = AvsFields.Where(f => string.IsNullOrEmpty(Json.Str(address, f)))
                    .Select(f => new FieldError("authorization.avs.address." + f, "is required")).ToList();
                if (missing.Count > 0)
                {
                    throw ApiProblem.Invalid(missing);
                }

                ((JsonObject)charge.Data["billing_details"]!)["address"] = address.DeepClone();
                charge.Steps.Dequeue();
                break;
        }

        Advance(charge, c.BaseAddress);
        return new OperationResult(200, "Charge updated", charge.Data.DeepClone());
    }

    /// <summary>The customer finishing a redirect (3-D Secure, OPay, mobile money) or a payment instruction.</summary>
    public static StoredPayment? CompleteCustomerStep(SandboxState state, string id, Uri baseAddress)
    {
        StoredPayment? payment = state.Charges.TryGetValue(id, out var charge) ? charge : state.Orders.TryGetValue(id, out var order) ? order : null;
        if (payment is not null && payment.Status == "pending" && payment.Steps.Count > 0 && payment.Steps.Peek() is AuthStep.Redirect or AuthStep.Instruction)
        {
            payment.Steps.Dequeue();
            Advance(payment, baseAddress);
        }

        return payment;
    }

    private static OperationResult UpdateOrder(OperationContext c)
    {
        var body = c.RequireBody();
        if (c.Id is null || !c.State.Orders.TryGetValue(c.Id, out var order))
        {
            throw ApiProblem.NotFound("No order with this id.");
        }

        var action = Json.Str(body, "action") ?? throw ApiProblem.Invalid("action", "is required");
        var status = order.Status;
        if (status is "completed" or "partially-completed" or "voided")
        {
            throw ApiProblem.Conflict("ORDER_FINALIZED", "The order is already finalized.");
        }

        if (status != "authorized")
        {
            throw ApiProblem.Conflict("CAPTURE_VOID_NOT_ALLOWED", "Only an authorized order can be captured or voided.");
        }

        var authorized = Json.Dec(order.Data, "amount") ?? 0m;
        if (action == "capture")
        {
            var amount = authorized;
            if (body.ContainsKey("amount"))
            {
                amount = Json.Dec(body, "amount") ?? throw ApiProblem.Invalid("amount", "must be a number");
            }

            if (amount <= 0 || amount > authorized)
            {
                throw ApiProblem.BadRequest("CAPTURE_AMOUNT_INVALID", "The capture amount must be positive and at most the authorized amount.");
            }

            order.Data["status"] = amount == authorized ? "completed" : "partially-completed";
            order.Data["captured_amount"] = amount;
        }
        else
        {
            order.Data["status"] = "voided";
        }

        MergeMeta(order.Data, body);
        return new OperationResult(200, action == "capture" ? "Order captured" : "Order voided", order.Data.DeepClone());
    }

    private static void MergeMeta(JsonObject target, JsonObject body)
    {
        if (Json.Obj(body, "meta") is not { } meta)
        {
            return;
        }

        var merged = Json.Obj(target, "meta") ?? new JsonObject();
        foreach (var pair in meta)
        {
            merged[pair.Key] = pair.Value?.DeepClone();
        }

        target["meta"] = merged;
    }

    // -------------------------------------------------------- virtual accounts

    private static OperationResult CreateVirtualAccount(OperationContext c)
    {
        var state = c.State;
        var body = c.RequireBody();
        var currency = Json.Str(body, "currency");
        var errors = new List<FieldError>();
        if (currency is not ("NGN" or "GHS"))
        {
            errors.Add(new FieldError("currency", "must be NGN or GHS for a virtual account"));
        }

        var amount = Json.Dec(body, "amount") ?? 0m;
        var permanent = Json.Bool(body, "is_permanent") ?? false;
        var isStatic = permanent || amount == 0;
        var customerId = Json.Str(body, "customer_id");
        if (customerId is not null && !state.Customers.ContainsKey(customerId))
        {
            errors.Add(new FieldError("customer_id", "no customer with this id"));
        }

        if (isStatic)
        {
            if (amount != 0)
            {
                errors.Add(new FieldError("amount", "must be 0 for a static (permanent) account"));
            }

            var bvn = Json.Str(body, "bvn");
            var nin = Json.Str(body, "nin");
            if (bvn is null && nin is null)
            {
                errors.Add(new FieldError("bvn", "a static account needs a bvn or a nin"));
            }

            foreach (var (name, value) in new[] { ("bvn", bvn), ("nin", nin) })
            {
                if (value is not null && (value.Length != 11 || !value.All(char.IsAsciiDigit)))
                {
                    errors.Add(new FieldError(name, "must be 11 digits"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.Invalid(errors);
        }

        var reference = Json.Str(body, "reference");
        if (reference is not null && state.References.Contains(reference))
        {
            throw ApiProblem.Conflict("CHARGE_ALREADY_EXISTS", "A charge, order or virtual account with this reference already exists.");
        }

        var id = SandboxState.NewId("van_");
        var data = new JsonObject
        {
            ["id"] = id,
            ["account_number"] = new string(System.Security.Cryptography.RandomNumberGenerator.GetItems<char>("0123456789", 10)),
            ["bank_name"] = currency == "GHS" ? "Sandbox Bank Ghana" : "Sandbox Bank Nigeria",
            ["account_type"] = isStatic ? "static" : "dynamic",
            ["currency"] = currency,
            ["status"] = "active",
            ["amount"] = amount,
        };
        if (reference is not null)
        {
            data["account_reference"] = reference;
        }

        if (customerId is not null)
        {
            data["customer_id"] = customerId;
        }

        if (!isStatic)
        {
            var expiry = Json.Int(body, "expiry") ?? 3600;
            data["expiry_datetime"] = ExpiryFromNow(state.Now, expiry);
        }

        foreach (var name in new[] { "narration", "meta" })
        {
            if (Json.Copy(body, name) is { } value)
            {
                data[name] = value;
            }
        }

        data["created_datetime"] = Json.Timestamp(state.Now);
        if (reference is not null)
        {
            state.References.Add(reference);
        }

        state.VirtualAccounts.Add(id, new StoredObject(id, reference, data));
        return new OperationResult(201, "Virtual account created", data.DeepClone());
    }

    /// <summary>When a dynamic account expires: <paramref name="seconds"/> from now, capped at a year.</summary>
    private static string ExpiryFromNow(DateTimeOffset now, long seconds) =>
        Json.Timestamp(now + TimeSpan.FromSeconds(Math.Min(seconds, 366L * 24 * 3600)));

    private static OperationResult UpdateVirtualAccount(OperationContext c)
    {
        var body = c.RequireBody();
        if (c.Id is null || !c.State.VirtualAccounts.TryGetValue(c.Id, out var account))
        {
            throw ApiProblem.NotFound("No virtual account with this id.");
        }

        if (Json.Str(body, "currency") is { } currency && currency != Json.Str(account.Data, "currency"))
        {
            throw ApiProblem.Invalid("currency", "cannot be changed");
        }

        if (Json.Str(body, "reference") is { } reference && reference != account.Reference)
        {
            throw ApiProblem.Invalid("reference", "cannot be changed");
        }

        var isDynamic = Json.Str(account.Data, "account_type") == "dynamic";
        if (isDynamic && Json.Dec(body, "amount") is { } amount)
        {
            if (amount <= 0)
            {
                throw ApiProblem.Invalid("amount", "must be positive for a dynamic account");
            }

            account.Data["amount"] = amount;
        }

        if (isDynamic && Json.Int(body, "expiry") is { } expiry)
        {
            account.Data["expiry_datetime"] = ExpiryFromNow(c.State.Now, expiry);
        }

        if (Json.Copy(body, "narration") is { } narration)
        {
            account.Data["narration"] = narration;
        }

        MergeMeta(account.Data, body);
        return new OperationResult(200, "Virtual account updated", account.Data.DeepClone());
    }
}
