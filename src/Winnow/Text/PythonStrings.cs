using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Winnow.Text;

/// <summary>
/// Python's string semantics where a measurement must equal one made in Python (DataTrove's filters):
/// <c>str.isspace</c>, <c>str.strip</c>, <c>str.splitlines</c> and <c>len</c>, which counts code points
/// where .NET counts UTF-16 units.
/// </summary>
internal static class PythonStrings
{
    /// <summary>
    /// <c>str.isspace</c>: .NET's whitespace plus U+001C–U+001F, which Python counts as whitespace
    /// (bidirectional class B or S) and .NET does not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c <= ' '
        ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || (uint)(c - '\u001C') <= 3
        : c >= '\u0085' && char.IsWhiteSpace(c);

    /// <summary>True when <c>str.splitlines</c> ends a line at <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLineBreak(char c) => c <= '\r'
        ? (uint)(c - '\n') <= '\r' - '\n'
        : c is '\u001C' or '\u001D' or '\u001E' or '\u0085' or '\u2028' or '\u2029';

    /// <summary><c>len(s)</c>: code points, a surrogate pair counting once.</summary>
    public static int Length(ReadOnlySpan<char> s)
    {
        var length = s.Length;
        var at = s.IndexOfAnyInRange('\uDC00', '\uDFFF');
        while (at >= 0)
        {
            if (at > 0 && char.IsHighSurrogate(s[at - 1]))
            {
                length--;
            }

            s = s[(at + 1)..];
            at = s.IndexOfAnyInRange('\uDC00', '\uDFFF');
        }

        return length;
    }

    /// <summary><c>s.strip()</c>.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> s) => TrimEnd(TrimStart(s));

    /// <summary><c>s.lstrip()</c>.</summary>
    public static ReadOnlySpan<char> TrimStart(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start]))
        {
            start++;
        }

        return s[start..];
    }

    /// <summary><c>s.rstrip()</c>.</summary>
    public static ReadOnlySpan<char> TrimEnd(ReadOnlySpan<char> s)
    {
        var end = s.Length;
        while (end > 0 && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[..end];
    }

    /// <summary>True when <c>s.strip()</c> would be empty.</summary>
    public static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The end of the line starting at <paramref name="start"/> as <c>str.splitlines</c> cuts it, and in
    /// <paramref name="next"/> where the next line starts ("\r\n" is one break).
    /// </summary>
    public static int LineEnd(ReadOnlySpan<char> text, int start, out int next)
    {
        var i = start;
        while (i < text.Length && !IsLineBreak(text[i]))
        {
            i++;
        }

        next = i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
        return i;
    }

    /// <summary><c>ch.isalpha()</c> for the code point at <paramref name="i"/> (Unicode categories L*).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlphaAt(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c < 128)
        {
            return char.IsAsciiLetter(c);
        }

        return char.IsSurrogate(c)
            ? Rune.DecodeFromUtf16(s[i..], out var rune, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetter(rune)
            : char.IsLetter(c);
    }

    /// <summary>True when every code point of <paramref name="s"/> is in a Unicode punctuation category (P*), as spaCy's is_punct.</summary>
    public static bool IsAllPunctuation(ReadOnlySpan<char> s)
    {
        foreach (var rune in s.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation))
            {
                return false;
            }
        }

        return true;
    }
}
