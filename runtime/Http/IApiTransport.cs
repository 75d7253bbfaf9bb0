using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Runtime.Http;

/// <summary>
/// The seam every generated client sends through. The default is <see cref="HttpApiTransport"/>; tests and
/// advanced users can supply their own.
/// </summary>
public interface IApiTransport
{
    /// <summary>Sends a request and returns its successful response.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, read in full.</returns>
    /// <exception cref="ApiException">The server answered with an error status.</exception>
    Task<ApiResponse> SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken);
}
