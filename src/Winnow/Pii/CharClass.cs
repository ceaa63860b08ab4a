using System.Runtime.CompilerServices;

namespace Winnow.Pii;

/// <summary>Character tests shared by the scanners.</summary>
internal static class CharClass
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= 128 && char.IsLetterOrDigit(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length && char.IsAsciiDigit(text[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char At(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length ? text[i] : '\0';

    /// <summary>True when the word ending just before <paramref name="end"/> (after spaces) is one of <paramref name="words"/>, ignoring case.</summary>
    public static bool PrecededByWord(ReadOnlySpan<char> text, int end, ReadOnlySpan<string> words)
    {
        var i = end;
        while (i > 0 && i > end - 3 && text[i - 1] is ' ' or ':' or '#')
        {
            i--;
        }

        var wordEnd = i;
        while (i > 0 && wordEnd - i < 12 && char.IsAsciiLetter(text[i - 1]))
        {
            i--;
        }

        if (i > 0 && char.IsAsciiLetter(text[i - 1]))
        {
            return false;
        }

        var word = text[i..wordEnd];
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
