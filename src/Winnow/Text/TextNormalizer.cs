using System.Buffers;
using System.Globalization;
using System.Text;

namespace Winnow.Text;

/// <summary>
/// Normalizes text for comparison: Unicode NFC, whitespace runs collapsed to one space and
/// trimmed, optionally case-folded and stripped of punctuation.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
public static class TextNormalizer
{
    /// <summary>
    /// Writes the normalized form of <paramref name="text"/> into <paramref name="destination"/>,
    /// which must be at least as long as the NFC form of the text.
    /// </summary>
    /// <returns>The number of chars written.</returns>
    public static int Normalize(string text, Span<char> destination, NormalizationOptions options) =>
        NormalizeNfc(ToNfc(text), destination, options);

    /// <summary>The text in NFC: itself when it already is (most web text; the check is cheap).</summary>
    internal static string ToNfc(string text) => NfcQuickCheck.IsNfc(text) ? text : WellFormed.Repair(text).Normalize(NormalizationForm.FormC);

    /// <summary>The text in NFC: itself when it already is (checked unless <paramref name="knownNfc"/>), else a normalized copy.</summary>
    internal static ReadOnlySpan<char> ToNfc(ReadOnlySpan<char> text, bool knownNfc = false) =>
        knownNfc || NfcQuickCheck.IsNfc(text) ? text : WellFormed.Repair(text.ToString()).Normalize(NormalizationForm.FormC);

    /// <summary>Normalizes text already in NFC; <paramref name="destination"/> as long as it.</summary>
    internal static int NormalizeNfc(ReadOnlySpan<char> nfc, Span<char> destination, NormalizationOptions options)
    {
        if (!options.CaseFold && !options.IgnorePunctuation)
        {
            return CollapseWhitespace(nfc, destination);
        }

        var written = NormalizeWithOptions(nfc, destination, options);

        // Dropping punctuation (or folding case) can bring combining marks together out of their
        // canonical order, or next to a base they compose with: normalized again, the result is
        // stable (normalizing it once more changes nothing). Rare, so checked cheaply first.
        var result = destination[..written];
        if (NfcQuickCheck.IsNfc(result))
        {
            return written;
        }

        var again = WellFormed.Repair(result.ToString()).Normalize(NormalizationForm.FormC);
        if (again.Length > destination.Length)
        {
            return written;
        }

        again.CopyTo(destination);
        return again.Length;
    }

    // The search set is made from the predicate itself, so the two can never disagree: a character
    // the search stops at but the skip loop does not consume would stop the scan forever.
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && IsWhiteSpace(c)).ToArray());

    /// <summary>
    /// Where the first of <see cref="OtherWhiteSpace"/> is in <paramref name="text"/>, or -1. Every one
    /// of them is below ' ' or above U+0084, so a search for a character outside that range (one
    /// compare a character, twice as fast on prose as a search for the set) finds it, or stops at a
    /// character past U+0084 that is not whitespace. After <see cref="RangeStopsAllowed"/> such stops
    /// in a text (text mostly not in Latin script) it searches for the set itself.
    /// </summary>
    private static int IndexOfOtherWhiteSpace(ReadOnlySpan<char> text, ref int rangeStops)
    {
        var offset = 0;
        while (rangeStops < RangeStopsAllowed)
        {
            var at = text[offset..].IndexOfAnyExceptInRange(' ', '\u0084');
            if (at < 0)
            {
                return -1;
            }

            offset += at;
            if (OtherWhiteSpace.Contains(text[offset]))
            {
                return offset;
            }

            rangeStops++;
            offset++;
        }

        var found = text[offset..].IndexOfAny(OtherWhiteSpace);
        return found < 0 ? -1 : offset + found;
    }

    private const int RangeStopsAllowed = 32;

    /// <summary>
    /// The common case: only whitespace changes. Text is mostly words separated by single spaces,
    /// which are already normal, so the stretches between "other" whitespace and double spaces
    /// are found with vectorized searches and copied whole.
    /// </summary>
    private static int CollapseWhitespace(ReadOnlySpan<char> source, Span<char> destination)
    {
        var written = 0;
        var i = 0;
        while (i < source.Length && IsWhiteSpace(source[i]))
        {
            i++;
        }

        // Next positions of each kind of irregular whitespace, cached so no stretch is scanned twice.
        int nextOther = -2, nextDouble = -2, rangeStops = 0;
        while (i < source.Length)
        {
            if (nextOther != -1 && nextOther < i)
            {
                var found = IndexOfOtherWhiteSpace(source[i..], ref rangeStops);
                nextOther = found < 0 ? -1 : i + found;
            }

            if (nextDouble != -1 && nextDouble < i)
            {
                var found = source[i..].IndexOf("  ", StringComparison.Ordinal);
                nextDouble = found < 0 ? -1 : i + found;
            }

            var stop = Math.Min(nextOther < 0 ? source.Length : nextOther, nextDouble < 0 ? source.Length : nextDouble);
            source[i..stop].CopyTo(destination[written..]);
            written += stop - i;
            i = stop;
            while (i < source.Length && IsWhiteSpace(source[i]))
            {
                i++;
            }

            // One space for the run, unless the copied stretch already ends with one.
            if (i < source.Length && stop < source.Length && (written == 0 || destination[written - 1] != ' '))
            {
                destination[written++] = ' ';
            }
        }

        while (written > 0 && destination[written - 1] == ' ')
        {
            written--;
        }

        return written;
    }

    private static int NormalizeWithOptions(ReadOnlySpan<char> source, Span<char> destination, NormalizationOptions options)
    {
        var written = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (IsWhiteSpace(c))
            {
                pendingSpace = written > 0;
                continue;
            }

            if (options.IgnorePunctuation && IsPunctuation(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }

            destination[written++] = options.CaseFold ? char.ToLowerInvariant(c) : c;
        }

        return written;
    }

    /// <summary>
    /// Whitespace for normalization: Unicode White_Space (<see cref="char.IsWhiteSpace(char)"/>) and the
    /// information separators U+001C–U+001F, which Python's <c>str.split()</c> (and so the Python
    /// tools whose corpora we compare with) also splits on. Printable ASCII is decided with one comparison.
    /// </summary>
    internal static bool IsWhiteSpace(char c) =>
        c is > ' ' and < '\u007F' ? false : char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    /// <summary>The normalized form as a string (allocates; for tests and tools).</summary>
    public static string Normalize(string text, NormalizationOptions options)
    {
        var nfc = ToNfc(text);
        var buffer = new char[nfc.Length];
        return new string(buffer, 0, Normalize(nfc, buffer, options));
    }

    // In ASCII, symbols such as $ + < = > ^ ` | ~ count as punctuation too: they vary as freely.
    private static bool IsPunctuation(char c) =>
        c < 128
            ? char.IsPunctuation(c) || char.IsSymbol(c)
            : CharUnicodeInfo.GetUnicodeCategory(c) is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherPunctuation;
}
