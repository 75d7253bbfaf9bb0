using System.Threading;
using System.Threading.Tasks;

namespace Flutterwave.Codegen.Benchmarks;

/// <summary>One way of sending a direct card charge (<c>POST /orchestration/direct-charges</c>) to a sandbox.</summary>
internal interface IDirectChargeSender
{
    /// <summary>Sends one charge of <see cref="SandboxLoadCard"/> with <paramref name="reference"/>.</summary>
    /// <param name="reference">A reference not used before on this sandbox.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created charge's status (<c>succeeded</c> when all went well).</returns>
    /// <exception cref="System.Exception">The call failed (an HTTP error status, a transport failure).</exception>
    Task<string> ChargeAsync(string reference, CancellationToken cancellationToken = default);
}
