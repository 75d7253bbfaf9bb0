using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace Flutterwave.Sandbox.Api;

/// <summary>
/// Maps the token endpoint, the customer-step page and every spec operation. Each operation runs the same pipeline:
/// latency and 503 faults, bearer token, header and query checks, the idempotency slot, body reading and validation,
/// the scenario, the handler under the state lock, then (maybe) a dropped connection after the commit.
/// </summary>
internal static class SandboxEndpoints
{
    private const int MaxJsonDepth = 64;
    private const int MaxJsonNodes = 20_000;

    public static void Map(WebApplication app, SandboxState state)
    {
        var spec = ApiSpec.Bundled;
        app.MapPost("/oauth/token", context => TokenAsync(context, state));
        app.MapGet("/sandbox/redirects/{id}", context => CustomerStepAsync(context, state));
        foreach (var path in spec.Operations.GroupBy(o => o.Path, StringComparer.Ordinal))
        {
            var byMethod = new Dictionary<string, OperationTarget>(StringComparer.OrdinalIgnoreCase);
            foreach (var operation in path)
            {
                if (!SandboxHandlers.All.TryGetValue(operation.OperationId, out var handler))
                {
                    throw new InvalidOperationException($"The spec's operation '{operation.OperationId}' has no sandbox handler.");
                }

                var parameters = spec.GetParameters(operation);
                bool Declares(string header) =>
                    parameters.Any(p => p.Location == "header" && string.Equals(p.Name, header, StringComparison.OrdinalIgnoreCase));
                var scenarios = !Declares("X-Scenario-Key") ? ScenarioKind.None
                    : PayoutScenario.Operations.Contains(operation.OperationId) ? ScenarioKind.Payout
                    : ScenarioKind.Payment;
                // Every POST keeps an idempotency slot; so does another write whose spec declares the key (PUT /chargebacks/{id}).
                var keyed = operation.Method == "POST" || (operation.Method != "GET" && Declares("X-Idempotency-Key"));
                byMethod[operation.Method] = new OperationTarget(operation, handler, scenarios, keyed);
            }

            app.Map(path.Key, context => OperationAsync(context, state, spec, byMethod));
        }

        app.MapFallback(context => WriteAsync(context, ApiProblem.NotFound("No such route.")));
    }

    // ------------------------------------------------------------------ token

    private static async Task TokenAsync(HttpContext context, SandboxState state)
    {
        var started = Stopwatch.GetTimestamp();
        var faults = state.Faults;
        if (faults.IncludeTokenEndpoint)
        {
            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (state.RollFault(faults) == FaultRoll.ServerError)
            {
                state.CountInjectedError();
                await WriteAsync(context, ApiProblem.Unavailable()).ConfigureAwait(false);
                return;
            }
        }

        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "Send the token request as application/x-www-form-urlencoded.").ConfigureAwait(false);
            return;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "The form body could not be read.").ConfigureAwait(false);
            return;
        }

        if (form["grant_type"] != "client_credentials")
        {
            await OAuthErrorAsync(context, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.").ConfigureAwait(false);
            return;
        }

        string? clientId = form["client_id"];
        string? clientSecret = form["client_secret"];
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    clientId = Uri.UnescapeDataString(pair[..colon]);
                    clientSecret = Uri.UnescapeDataString(pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
            }
        }

        if (!SameText(clientId, state.Settings.ClientId) || !SameText(clientSecret, state.Settings.ClientSecret))
        {
            await OAuthErrorAsync(context, 401, "invalid_client", "Invalid client credentials.").ConfigureAwait(false);
            return;
        }

        var token = state.IssueToken();
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (long)state.Settings.TokenLifetime.TotalSeconds,
            ["refresh_expires_in"] = 0,
            ["token_type"] = "Bearer",
            ["not-before-policy"] = 0,
            ["scope"] = "profile email",
        };
        context.Response.Headers.CacheControl = "no-store";
        await WriteBytesAsync(context, 200, Serialize(body)).ConfigureAwait(false);
        Log(state, context, 200, started, null);
    }

    private static bool SameText(string? sent, string expected) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static Task OAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        WriteBytesAsync(context, status, Serialize(new JsonObject { ["error"] = error, ["error_description"] = description }));

    // ---------------------------------------------------------- customer step

    private static async Task CustomerStepAsync(HttpContext context, SandboxState state)
    {
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        var baseAddress = BaseAddress(context, state);
        string? status;
        string? returnUrl;
        lock (state.Gate)
        {
            var payment = SandboxOperations.CompleteCustomerStep(state, id, baseAddress);
            status = payment?.Status;
            returnUrl = payment is null ? null : Json.Str(payment.Data, "redirect_url");
        }

        if (status is null)
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("No pending payment with this id.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (Uri.TryCreate(returnUrl, UriKind.Absolute, out var target) && target.Scheme is "http" or "https")
        {
            var separator = string.IsNullOrEmpty(target.Query) ? "?" : "&";
            context.Response.Redirect(target.AbsoluteUri + separator + "status=" + Uri.EscapeDataString(status) + "&id=" + Uri.EscapeDataString(id));
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><title>Flutterwave sandbox</title><p>Payment step finished. Status: " + WebUtility.HtmlEncode(status) + "</p>",
            context.RequestAborted).ConfigureAwait(false);
    }

    // -------------------------------------------------------------- operations

    private static async Task OperationAsync(
        HttpContext context,
        SandboxState state,
        ApiSpec spec,
        Dictionary<string, OperationTarget> byMethod)
    {
        var started = Stopwatch.GetTimestamp();
        if (!byMethod.TryGetValue(context.Request.Method, out var target))
        {
            context.Response.Headers.Allow = string.Join(", ", byMethod.Keys);
            await WriteAsync(context, ApiProblem.MethodNotAllowed()).ConfigureAwait(false);
            return;
        }

        state.CountOperation();
        var faults = state.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        var roll = state.RollFault(faults);
        if (roll == FaultRoll.ServerError)
        {
            state.CountInjectedError();
            await WriteAsync(context, ApiProblem.Unavailable()).ConfigureAwait(false);
            Log(state, context, 503, started, "injected");
            return;
        }

        var request = context.Request;
        var traceId = request.Headers["X-Trace-Id"].ToString();
        if (traceId.Length is >= 12 and <= 255)
        {
            context.Response.Headers["X-Trace-Id"] = traceId;
        }

        var operation = target.Operation;
        int status;
        byte[] body;
        var replay = false;
        try
        {
            Authenticate(request, state);
            var parameterErrors = spec.ValidateParameters(
                operation,
                name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null,
                name => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null);
            if (parameterErrors.Count > 0)
            {
                throw ApiProblem.Invalid(parameterErrors);
            }

            var key = target.TakesIdempotencyKey && request.Headers.TryGetValue("X-Idempotency-Key", out var k) ? k.ToString() : null;
            // A key belongs to the operation it was first sent to: the same key on another endpoint is a separate request.
            var slot = string.IsNullOrEmpty(key) ? null : state.IdempotencySlot(operation.OperationId + " " + key);
            if (slot is null)
            {
                (status, body) = await ExecuteAsync(context, state, spec, target).ConfigureAwait(false);
            }
            else
            {
                await slot.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                try
                {
                    if (slot.Response is { } cached)
                    {
                        (status, body, replay) = (cached.Status, cached.Body, true);
                        state.CountReplay();
                    }
                    else
                    {
                        (status, body) = await ExecuteAsync(context, state, spec, target).ConfigureAwait(false);
                        if (status < 500 && status is not 401 and not 429)
                        {
                            slot.Response = new StoredResponse(status, body);
                        }
                    }
                }
                finally
                {
                    slot.Gate.Release();
                }
            }
        }
        catch (ApiProblem problem)
        {
            (status, body) = (problem.Status, Serialize(problem.ToJson()));
        }

        if (roll == FaultRoll.DropAfterCommit)
        {
            // The operation is done (and its idempotent answer stored); the client never hears of it.
            state.CountInjectedDrop();
            Log(state, context, status, started, "dropped after commit");
            context.Abort();
            return;
        }

        if (replay)
        {
            context.Response.Headers["X-Idempotency-Cache-Hit"] = "true";
        }

        await WriteBytesAsync(context, status, body).ConfigureAwait(false);
        Log(state, context, status, started, replay ? "idempotent replay" : null);
    }

    private static void Authenticate(HttpRequest request, SandboxState state)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !state.IsValidToken(header[7..].Trim()))
        {
            throw ApiProblem.Unauthorized("The access token is missing, invalid or expired.");
        }
    }

    private static async Task<(int Status, byte[] Body)> ExecuteAsync(
        HttpContext context, SandboxState state, ApiSpec spec, OperationTarget target)
    {
        var operation = target.Operation;
        try
        {
            JsonObject? json = null;
            if (operation.HasRequestBody)
            {
                var node = await ReadBodyAsync(context, state.Settings.MaxRequestBodyBytes).ConfigureAwait(false);
                var errors = spec.ValidateBody(operation, node);
                if (errors.Count > 0)
                {
                    throw ApiProblem.Invalid(errors);
                }

                json = node as JsonObject;
                if (json is null && (node is not null || operation.RequestBodyRequired))
                {
                    throw ApiProblem.Invalid("body", "must be a JSON object");
                }
            }

            // Only operations that declare X-Scenario-Key read it; elsewhere the header is ignored, as an unknown header is.
            // Payouts and bank account look-up speak their own vocabulary (scenario:<outcome>).
            var request = context.Request;
            var header = request.Headers["X-Scenario-Key"].ToString();
            var operationContext = new OperationContext
            {
                State = state,
                Body = json,
                Id = request.RouteValues.TryGetValue("id", out var id) ? id as string : null,
                Route = name => request.RouteValues.TryGetValue(name, out var v) ? v as string : null,
                Query = name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null,
                Scenario = target.Scenarios == ScenarioKind.Payment ? Scenario.Parse(header) : Scenario.Default,
                Payout = target.Scenarios == ScenarioKind.Payout ? PayoutScenario.Parse(header) : PayoutScenario.Default,
                BaseAddress = BaseAddress(context, state),
            };
            OperationResult result;
            if (target.Handler.Stateless)
            {
                result = target.Handler.Run(operationContext);
            }
            else
            {
                lock (state.Gate)
                {
                    result = target.Handler.Run(operationContext);
                }
            }

            var envelope = new JsonObject { ["status"] = "success", ["message"] = result.Message };
            if (result.Data is not null)
            {
                envelope["data"] = result.Data;
            }

            if (result.Meta is not null)
            {
                envelope["meta"] = result.Meta;
            }

            return (result.Status, Serialize(envelope));
        }
        catch (ApiProblem problem)
        {
            return (problem.Status, Serialize(problem.ToJson()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A sandbox bug, not the client's fault. Say so without echoing anything the client sent.
            Console.Error.WriteLine($"sandbox: {operation.OperationId} failed: {e.GetType().Name}");
            return (500, Serialize(new ApiProblem(500, "INTERNAL_SERVER_ERROR", "10500", "The sandbox failed to handle this request.").ToJson()));
        }
    }

    /// <summary>Reads and parses the body with a size cap; anything unreadable is a 400 naming <c>body</c>.</summary>
    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            throw ApiProblem.Invalid("body", $"must be at most {maxBytes} bytes");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw ApiProblem.Invalid("body", $"must be at most {maxBytes} bytes");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false);
                }
                catch (BadHttpRequestException)
                {
                    throw ApiProblem.Invalid("body", "could not be read");
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    throw ApiProblem.Invalid("body", $"must be at most {maxBytes} bytes");
                }
            }

            if (length == 0 || buffer.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty)
            {
                return null;
            }

            var mediaType = request.ContentType?.Split(';', 2)[0].Trim();
            if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiProblem.Invalid("Content-Type", "must be application/json");
            }

            try
            {
                var node = JsonNode.Parse(
                    buffer.AsSpan(0, length),
                    documentOptions: new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowDuplicateProperties = false });
                var count = 0;
                Materialize(node, ref count);
                return node;
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
            {
                throw ApiProblem.Invalid("body", "is not valid JSON (or repeats a member name, or nests deeper than 64 levels)");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Walks the whole tree once so that any lazy parsing problem surfaces here, and caps the node count.</summary>
    private static void Materialize(JsonNode? node, ref int count)
    {
        if (++count > MaxJsonNodes)
        {
            throw ApiProblem.Invalid("body", $"must hold at most {MaxJsonNodes} JSON values");
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var pair in o)
                {
                    Materialize(pair.Value, ref count);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Materialize(item, ref count);
                }

                break;
        }
    }

    // ------------------------------------------------------------------ output

    /// <summary>
    /// The address links (redirect pages) are built on: the one the server listens on, never the request's Host
    /// header, which the client controls.
    /// </summary>
    private static Uri BaseAddress(HttpContext context, SandboxState state) =>
        state.BaseAddress ?? new Uri("http://" + state.Settings.Address + ":" + context.Connection.LocalPort + "/");

    private static byte[] Serialize(JsonNode node)
    {
        var output = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(output))
        {
            node.WriteTo(writer);
        }

        return output.WrittenSpan.ToArray();
    }

    private static Task WriteAsync(HttpContext context, ApiProblem problem) =>
        WriteBytesAsync(context, problem.Status, Serialize(problem.ToJson()));

    private static Task WriteBytesAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static void Log(SandboxState state, HttpContext context, int status, long started, string? note)
    {
        if (!state.Settings.LogRequests)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Console.WriteLine($"{context.Request.Method,-6} {context.Request.Path.Value} -> {status} ({elapsed:0.0} ms){(note is null ? string.Empty : " " + note)}");
    }
}

/// <summary>One spec operation as the sandbox serves it.</summary>
/// <param name="Operation">The spec's operation.</param>
/// <param name="Handler">What the sandbox does for it.</param>
/// <param name="Scenarios">Which <c>X-Scenario-Key</c> vocabulary it reads, if it declares the header.</param>
/// <param name="TakesIdempotencyKey">Whether a request with <c>X-Idempotency-Key</c> gets an idempotency slot.</param>
internal sealed record OperationTarget(SpecOperation Operation, SandboxHandler Handler, ScenarioKind Scenarios, bool TakesIdempotencyKey);

/// <summary>The scenario vocabulary an operation reads.</summary>
internal enum ScenarioKind
{
    /// <summary>The operation does not declare <c>X-Scenario-Key</c>: the header is ignored.</summary>
    None,

    /// <summary>Card and payment flows: <c>scenario:auth_*</c> and <c>issuer:*</c>.</summary>
    Payment,

    /// <summary>Payout outcomes: <c>scenario:&lt;outcome&gt;</c>.</summary>
    Payout,
}
