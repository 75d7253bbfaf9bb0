using System;

namespace Flutterwave.Runtime.Webhooks;

/// <summary>A webhook delivery could not be read. The message never contains the delivery's body.</summary>
public class FlutterwaveWebhookException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlutterwaveWebhookException()
        : this("The webhook delivery could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FlutterwaveWebhookException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FlutterwaveWebhookException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A webhook delivery's <c>flutterwave-signature</c> is missing or does not match: the delivery may not come from
/// Flutterwave. Answer 401 and do not act on the body.
/// </summary>
public sealed class FlutterwaveWebhookSignatureException : FlutterwaveWebhookException
{
    /// <summary>Creates the exception.</summary>
    public FlutterwaveWebhookSignatureException()
        : base("The webhook delivery's signature does not match.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FlutterwaveWebhookSignatureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FlutterwaveWebhookSignatureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
