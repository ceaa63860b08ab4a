using System.Runtime.CompilerServices;

namespace Winnow.Text;

/// <summary>A short ASCII string as one 64-bit word, so a table can compare it in one instruction.</summary>
internal static class AsciiKey
{
    /// <summary>
    /// Packs 0–8 ASCII characters, the first in the lowest byte (<paramref name="lowerCase"/>:
    /// letters lowered); false for a longer text or one with a character past U+007F. The length
    /// is not in the key: "a" and "a\0" pack alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(ReadOnlySpan<char> text, bool lowerCase, out ulong key)
    {
        key = 0;
        if (text.Length > 8)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x80)
            {
                return false;
            }

            key |= (ulong)(lowerCase && c is >= 'A' and <= 'Z' ? c | 0x20 : c) << (8 * i);
        }

        return true;
    }
}
