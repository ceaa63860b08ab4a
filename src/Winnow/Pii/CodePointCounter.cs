namespace Winnow.Pii;

/// <summary>Turns increasing UTF-16 offsets into code point offsets, walking the text once.</summary>
internal sealed class CodePointCounter(string text)
{
    private int _utf16;
    private int _codePoints;

    /// <summary>The code point offset of UTF-16 offset <paramref name="offset"/> (offsets must not decrease).</summary>
    public int At(int offset)
    {
        for (; _utf16 < offset; _utf16++)
        {
            if (!char.IsLowSurrogate(text[_utf16]))
            {
                _codePoints++;
            }
        }

        return _codePoints;
    }
}
