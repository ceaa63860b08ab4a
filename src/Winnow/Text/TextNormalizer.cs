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
    internal static string ToNfc(string text) => NfcQuickCheck.IsNfc(text) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>The text in NFC: itself when it already is (checked unless <paramref name="knownNfc"/>), else a normalized copy.</summary>
    internal static ReadOnlySpan<char> ToNfc(ReadOnlySpan<char> text, bool knownNfc = false) =>
        knownNfc || NfcQuickCheck.IsNfc(text) ? text : text.ToString().Normalize(NormalizationForm.FormC);

    /// <summary>Normalizes text already in NFC; <paramref name="destination"/> as long as it.</summary>
    internal static int NormalizeNfc(ReadOnlySpan<char> nfc, Span<char> destination, NormalizationOptions options) =>
        options.CaseFold || options.IgnorePunctuation
            ? NormalizeWithOptions(nfc, destination, options)
            : CollapseWhitespace(nfc, destination);

    // Every Unicode White_Space character but the plain space (char.IsWhiteSpace's set).
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\u001C\u001D\u001E\u001F");

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
        int nextOther = -2, nextDouble = -2;
        while (i < source.Length)
        {
            if (nextOther != -1 && nextOther < i)
            {
                var found = source[i..].IndexOfAny(OtherWhiteSpace);
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

    // Printable ASCII is never whitespace: decide it with one comparison, the rest by Unicode.
    private static bool IsWhiteSpace(char c) => c is > ' ' and < '\u007F' ? false : char.IsWhiteSpace(c);

    /// <summary>The normalized form as a string (allocates; for tests and tools).</summary>
    public static string Normalize(string text, NormalizationOptions options)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var buffer = new char[nfc.Length];
        return new string(buffer, 0, Normalize(nfc, buffer, options));
    }

    // In ASCII, symbols such as $ + < = > ^ ` | ~ count as punctuation too: they vary as freely.
    private static bool IsPunctuation(char c) =>
        c < 128
            ? char.IsPunctuation(c) || char.IsSymbol(c)
            : CharUnicodeInfo.GetUnicodeCategory(c) is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherPunctuation;
}
