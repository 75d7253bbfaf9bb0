using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Flutterwave.Runtime.Http;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>
/// A transport that records each request and answers with a canned charge envelope. The body is left unserialized,
/// so a test serializes it with <see cref="ApiRequest.SerializeBody"/> and the encryptor it chooses, as the HTTP
/// transport does with the configured key.
/// </summary>
internal sealed class CapturingTransport : IApiTransport
{
    public const string ChargeEnvelope = """{"status":"success","message":"ok","data":{"id":"chg_1","amount":12.34,"currency":"NGN","reference":"ref-123456","status":"pending"}}""";

    public List<ApiRequest> Requests { get; } = new();

    public Task<ApiResponse> SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new ApiResponse(request, HttpStatusCode.OK, Encoding.UTF8.GetBytes(ChargeEnvelope), "application/json"));
    }
}
