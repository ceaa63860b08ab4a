using System.Text;

namespace Winnow.Text;

/// <summary>
/// Decides cheaply that most web text is already in NFC, so the costly Unicode check runs only
/// where it can matter.
/// </summary>
/// <remarks>
/// Below U+0300 every character is NFC_Quick_Check=Yes and none combines with what precedes
/// it; so are the dashes, quotes, bullets and ellipsis of U+2010–U+2027 and U+2030–U+205E (they
/// have at most compatibility decompositions, which NFC leaves alone). A text made only of such
/// characters is in NFC. Anything else goes to the full check.
/// </remarks>
internal static class NfcQuickCheck
{
    public static bool IsNfc(string text) => IsNfc(text.AsSpan());

    public static bool IsNfc(ReadOnlySpan<char> text)
    {
        var span = text;
        var at = span.IndexOfAnyInRange('\u0300', '\uFFFF');
        while (at >= 0)
        {
            var c = span[at];
            if (c is not ((>= '\u2010' and <= '\u2027') or (>= '\u2030' and <= '\u205E')))
            {
                // The Unicode check refuses text with a lone surrogate; such text is never NFC as it stands.
                return WellFormed.IsValid(text) && text.IsNormalized(NormalizationForm.FormC);
            }

            span = span[(at + 1)..];
            at = span.IndexOfAnyInRange('\u0300', '\uFFFF');
        }

        return true;
    }
}
