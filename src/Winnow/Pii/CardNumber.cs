namespace Winnow.Pii;

/// <summary>Payment card numbers: 13–19 digits, a known issuer prefix, a card-like grouping and a valid Luhn check digit.</summary>
internal static class CardNumber
{
    public static bool IsCard(ReadOnlySpan<char> text, in NumberRun run)
    {
        if (run.Plus || run.Parens || run.Dots || run.Digits is < 13 or > 19 || (run.Spaces && run.Hyphens))
        {
            return false;
        }

        if (run.GroupCount > 1 && !CardGrouping(run))
        {
            return false;
        }

        Span<byte> digits = stackalloc byte[19];
        var n = 0;
        foreach (var c in text[run.Start..run.End])
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = (byte)(c - '0');
            }
        }

        return KnownIssuer(digits[..n]) && Luhn(digits[..n]);
    }

    /// <summary>The Luhn (mod 10) check: doubling every second digit from the right.</summary>
    public static bool Luhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    private static bool CardGrouping(in NumberRun run)
    {
        // 4-4-4-4(-3), the common print form, or American Express / Diners 4-6-5 and 4-6-4.
        if (run.GroupCount == 3 && run.Groups[0] == 4 && run.Groups[1] == 6 && run.Groups[2] is 4 or 5)
        {
            return true;
        }

        for (var g = 0; g < run.GroupCount - 1; g++)
        {
            if (run.Groups[g] != 4)
            {
                return false;
            }
        }

        return run.Groups[run.GroupCount - 1] is >= 1 and <= 4;
    }

    private static bool KnownIssuer(ReadOnlySpan<byte> d)
    {
        var two = (d[0] * 10) + d[1];
        var four = (two * 100) + (d[2] * 10) + d[3];
        return d[0] == 4 // Visa
            || two is >= 51 and <= 55 || four is >= 2221 and <= 2720 // Mastercard
            || two is 34 or 37 // American Express
            || two is 36 or 38 or 30 // Diners Club
            || four == 6011 || two == 65 || four is >= 6440 and <= 6499 // Discover
            || two == 35 // JCB
            || two is 62 or 50 or 56 or 57 or 58 or 67 or 60; // UnionPay, Maestro
    }
}
