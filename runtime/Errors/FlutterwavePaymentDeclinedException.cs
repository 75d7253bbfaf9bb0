using System;
using System.Text;
using Flutterwave.Runtime.Diagnostics;

namespace Flutterwave.Runtime;

/// <summary>
/// A charge or order came back with <c>status: failed</c>: the issuer or the processor declined the payment. In
/// Flutterwave v4 a decline is not an HTTP error (the create or update call succeeds), so this exception is raised by
/// the generated <c>ThrowIfDeclined()</c> helpers, never by the client itself.
/// </summary>
/// <remarks>
/// <see cref="DeclineType"/> and <see cref="DeclineCode"/> are the object's <c>processor_response</c>
/// (<c>insufficient_funds</c> / <c>51</c>, <c>do_not_honor</c> / <c>05</c>, ...). <see cref="Exception.Message"/> is for
/// logs and names only the id, the reference, the decline type and the code: never an amount, card data or customer
/// details. Show the payer <see cref="CustomerMessage"/> instead.
/// </remarks>
public sealed class FlutterwavePaymentDeclinedException : Exception
{
    /// <summary>The longest value copied into <see cref="Exception.Message"/>; the properties keep the full text.</summary>
    private const int MaxValueInMessage = 64;

    /// <summary>Creates the exception for a declined charge or order.</summary>
    /// <param name="objectId">The charge or order id.</param>
    /// <param name="reference">The merchant reference sent when the charge or order was created.</param>
    /// <param name="status">The object's status, normally <c>failed</c>.</param>
    /// <param name="declineType">The <c>processor_response.type</c>, for example <c>insufficient_funds</c>.</param>
    /// <param name="declineCode">The <c>processor_response.code</c>, for example <c>51</c>.</param>
    public FlutterwavePaymentDeclinedException(string? objectId, string? reference, string? status, string? declineType, string? declineCode)
        : base(BuildMessage(objectId, reference, declineType, declineCode))
    {
        ObjectId = objectId;
        Reference = reference;
        Status = status;
        DeclineType = declineType;
        DeclineCode = declineCode;
        CustomerMessage = DescribeForCustomer(declineType);
        MayRetryLater = IsTemporary(declineType);
    }

    /// <summary>The declined charge's or order's id.</summary>
    public string? ObjectId { get; }

    /// <summary>The merchant reference of the charge or order.</summary>
    public string? Reference { get; }

    /// <summary>The object's status, normally <c>failed</c>.</summary>
    public string? Status { get; }

    /// <summary>Why the payment was declined: <c>processor_response.type</c>, for example <c>insufficient_funds</c>.</summary>
    public string? DeclineType { get; }

    /// <summary>The processor's response code: <c>processor_response.code</c>, for example <c>51</c>.</summary>
    public string? DeclineCode { get; }

    /// <summary>A short, polite text to show the payer, chosen from <see cref="DeclineType"/> (see <see cref="DescribeForCustomer(string?)"/>).</summary>
    public string CustomerMessage { get; }

    /// <summary>
    /// Whether the same payment may succeed if tried again in a few minutes: <see langword="true"/> only when the issuer
    /// was unavailable or the processor had a system error. Any other decline needs the payer to act first.
    /// </summary>
    /// <remarks>A retry is a new charge with a new reference: a reference cannot be reused.</remarks>
    public bool MayRetryLater { get; }

    /// <summary>
    /// A short, polite, actionable text for the payer about a decline: what to do next, without the processor's jargon.
    /// A suspected-fraud decline reads like any other bank decline.
    /// </summary>
    /// <param name="declineType">The <c>processor_response.type</c> (compared ignoring case); <see langword="null"/> or an unknown type gives a generic text.</param>
    /// <returns>The text, never empty.</returns>
    public static string DescribeForCustomer(string? declineType) => declineType?.Trim().ToLowerInvariant() switch
    {
        "insufficient_funds" => "Your payment was declined because there were not enough funds. Please add funds or use another card, then try again.",

        // Never tell the payer that fraud is suspected: it helps a fraudster and offends an honest customer alike.
        "do_not_honor" or "suspected_fraud" => "Your bank declined this payment. Please contact your bank or use another card.",
        "expired_card" => "Your card has expired. Please use another card.",
        "incorrect_pin" => "The PIN you entered is incorrect. Please check it and try again.",
        "invalid_cvv" => "The security code (CVV) you entered is incorrect. Please check the code on the back of your card and try again.",
        "issuer_unavailable" or "system_error" => "We could not reach your bank to complete this payment. Please try again in a few minutes.",
        _ => "Your payment could not be completed. Please try another card or payment method, or contact your bank.",
    };

    private static bool IsTemporary(string? declineType) =>
        declineType?.Trim().ToLowerInvariant() is "issuer_unavailable" or "system_error";

    private static string BuildMessage(string? objectId, string? reference, string? declineType, string? declineCode)
    {
        var text = new StringBuilder("The payment");
        if (!string.IsNullOrEmpty(objectId))
        {
            text.Append(' ').Append(Safe(objectId));
        }

        if (!string.IsNullOrEmpty(reference))
        {
            text.Append(" (reference ").Append(Safe(reference)).Append(')');
        }

        text.Append(" was declined");
        if (!string.IsNullOrEmpty(declineType) || !string.IsNullOrEmpty(declineCode))
        {
            text.Append(": ").Append(string.IsNullOrEmpty(declineType) ? "unknown reason" : Safe(declineType));
            if (!string.IsNullOrEmpty(declineCode))
            {
                text.Append(" (code ").Append(Safe(declineCode)).Append(')');
            }
        }

        text.Append(". See DeclineType, DeclineCode and CustomerMessage.");
        return text.ToString();
    }

    /// <summary>
    /// A server value as it may appear in the message: shortened, on one line, and with anything that looks like a
    /// card number masked (a merchant reference is free text, and one built from a card number must not reach a log).
    /// </summary>
    private static string Safe(string value)
    {
        if (SensitiveDataRedactor.LooksLikeCardNumber(value))
        {
            return SensitiveDataRedactor.Mask;
        }

        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is >= '0' and <= '9')
            {
                // A run of digits inside a longer value ("ref-4242...") is masked on its own.
                var end = i;
                while (end < value.Length && value[end] is >= '0' and <= '9')
                {
                    end++;
                }

                var run = value.Substring(i, end - i);
                builder.Append(SensitiveDataRedactor.LooksLikeCardNumber(run) ? SensitiveDataRedactor.Mask : run);
                i = end;
                continue;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
            i++;
        }

        return builder.Length <= MaxValueInMessage ? builder.ToString() : string.Concat(builder.ToString(0, MaxValueInMessage), "...");
    }
}
