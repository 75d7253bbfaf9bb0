namespace Flutterwave.Runtime.Diagnostics;

/// <summary>
/// Reads a would-be card number: digits with optional spaces and dashes. One implementation for the runtime's log
/// redactor and the FLW0007 analyzer, which compiles this same file (the analyzer cannot reference the runtime).
/// </summary>
internal static class CardNumberDigits
{
    /// <summary>Counts the digits and runs the Luhn check.</summary>
    /// <param name="text">The text.</param>
    /// <param name="digits">How many digits it holds.</param>
    /// <param name="luhnValid">Whether the digits pass the Luhn check.</param>
    /// <returns><see langword="false"/> when the text holds anything but digits, spaces and dashes.</returns>
    public static bool TryRead(string text, out int digits, out bool luhnValid)
    {
        digits = 0;
        var sum = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                luhnValid = false;
                return false;
            }

            var d = c - '0';
            if (digits % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
        }

        luhnValid = sum % 10 == 0;
        return true;
    }
}
