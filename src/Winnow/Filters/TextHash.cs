using System.Runtime.CompilerServices;

namespace Winnow.Filters;

/// <summary>
/// A fast 64-bit hash of short spans (words, lines) used only to count repeats inside one
/// document: FNV-1a over UTF-16 code units with a final avalanche, so nearby keys spread over a table.
/// </summary>
internal static class TextHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 0x100000001b3UL;
        }

        return Mix(h ^ (ulong)text.Length);
    }

    /// <summary>MurmurHash3's 64-bit finalizer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
