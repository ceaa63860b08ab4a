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
        var source = text.IsNormalized(NormalizationForm.FormC) ? text.AsSpan() : text.Normalize(NormalizationForm.FormC).AsSpan();
        var written = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (char.IsWhiteSpace(c))
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

    /// <summary>The normalized form as a string (allocates; for tests and tools).</summary>
    public static string Normalize(string text, NormalizationOptions options)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var buffer = new char[nfc.Length];
        return new string(buffer, 0, Normalize(nfc, buffer, options));
    }

    /// <summary>An upper bound of the normalized length, to size buffers.</summary>
    public static int MaxLength(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text.Length : text.Normalize(NormalizationForm.FormC).Length;

    // In ASCII, symbols such as $ + < = > ^ ` | ~ count as punctuation too: they vary as freely.
    private static bool IsPunctuation(char c) =>
        c < 128
            ? char.IsPunctuation(c) || char.IsSymbol(c)
            : CharUnicodeInfo.GetUnicodeCategory(c) is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherPunctuation;
}
