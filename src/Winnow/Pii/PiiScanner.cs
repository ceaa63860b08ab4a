using System.Buffers;

namespace Winnow.Pii;

/// <summary>
/// Finds personal data in a text in one left-to-right pass with hand-written scanners (no regular
/// expressions): a vectorized search jumps to the next '@', ':' or digit, and the scanner for
/// that character looks a bounded distance around it. Every character is examined a bounded
/// number of times, so the scan is linear in the text whatever its content.
/// </summary>
/// <remarks>Thread-safe: static and stateless. Spans come out sorted and never overlap.</remarks>
public static class PiiScanner
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("@:0123456789");

    /// <summary>Appends the personal data of the requested <paramref name="kinds"/> in <paramref name="text"/> to <paramref name="found"/>.</summary>
    public static void Scan(ReadOnlySpan<char> text, PiiKind kinds, List<PiiSpan> found)
    {
        var floor = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(Triggers);
            if (next < 0)
            {
                return;
            }

            i += next;
            var c = text[i];
            if (c == '@')
            {
                if ((kinds & PiiKind.Email) != 0 && EmailScanner.TryMatch(text, i, floor, out var start, out var end))
                {
                    found.Add(new PiiSpan(PiiKind.Email, start, end - start));
                    floor = i = end;
                }
                else
                {
                    i++;
                }

                continue;
            }

            if (c == ':')
            {
                var resume = i + 1;
                if ((kinds & PiiKind.IpAddress) != 0)
                {
                    resume = Ipv6Scanner.Scan(text, i, floor, out var start, out var end);
                    if (start >= 0)
                    {
                        found.Add(new PiiSpan(PiiKind.IpAddress, start, end - start));
                        floor = end;
                        resume = end;
                    }
                }

                i = Math.Max(resume, i + 1);
                continue;
            }

            if ((kinds & PiiKind.Iban) != 0 && i - 2 >= floor && i >= 2 && char.IsAsciiLetterUpper(text[i - 1]))
            {
                var end = IbanScanner.Match(text, i - 2);
                if (end > 0)
                {
                    found.Add(new PiiSpan(PiiKind.Iban, i - 2, end - (i - 2)));
                    floor = i = end;
                    continue;
                }
            }

            var runEnd = NumberScanner.Scan(text, i, floor, kinds, out var match);
            if (match.Length > 0)
            {
                found.Add(match);
                floor = match.End;
            }

            // Resume at the run's end, but leave a ':' or '@' right after it for its own scanner.
            i = Math.Max(runEnd, i + 1);
        }
    }
}
