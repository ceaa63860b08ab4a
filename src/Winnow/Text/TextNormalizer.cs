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
    public static int Normalize(string text, Span<char> destination, NormalizationOptions options)
    {
        // NFC can change length; most web text is already NFC and the check is cheap.
        var source = NfcQuickCheck.IsNfc(text) ? text.AsSpan() : text.Normalize(NormalizationForm.FormC).AsSpan();
        return options.CaseFold || options.IgnorePunctuation
            ? NormalizeWithOptions(source, destination, options)
            : CollapseWhitespace(source, destination);
    }

    /// <summary>The common case, kept branch-light: only whitespace changes.</summary>
    private static int CollapseWhitespace(ReadOnlySpan<char> source, Span<char> destination)
    {
        var written = 0;
        var pendingSpace = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (IsWhiteSpace(c))
            {
                pendingSpace = written > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }

            destination[written++] = c;
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

    /// <summary>An upper bound of the normalized length, to size buffers.</summary>
    /// <remarks>NFC composes far more than it expands; 3× covers its worst case (UAX #15).</remarks>
    public static int MaxLength(string text) => NfcQuickCheck.IsNfc(text) ? text.Length : text.Length * 3;

    // In ASCII, symbols such as $ + < = > ^ ` | ~ count as punctuation too: they vary as freely.
    private static bool IsPunctuation(char c) =>
        c < 128
            ? char.IsPunctuation(c) || char.IsSymbol(c)
            : CharUnicodeInfo.GetUnicodeCategory(c) is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherPunctuation;
}
