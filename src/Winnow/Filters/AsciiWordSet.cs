using Winnow.Text;

namespace Winnow.Filters;

/// <summary>
/// A small set of words compared ignoring ASCII case, for words of at most 8 ASCII characters:
/// each word packs into one 64-bit key (a byte per lower-cased character), so a lookup is a few
/// integer compares instead of a case-insensitive string compare per entry.
/// </summary>
/// <remarks>
/// For an all-ASCII word, <see cref="StringComparison.OrdinalIgnoreCase"/> equality is equality of the
/// lower-cased bytes; words it cannot decide (non-ASCII on either side, longer than 8) are left to
/// the caller (<see cref="TryIndexOf"/> returns false). Immutable, thread-safe.
/// </remarks>
internal sealed class AsciiWordSet
{
    private readonly ulong[] _keys;
    private readonly int[] _lengths;
    private readonly bool _complete;

    /// <summary>Packs <paramref name="words"/>; a word's index in the set is its index in the list.</summary>
    public AsciiWordSet(IReadOnlyList<string> words)
    {
        _keys = new ulong[words.Count];
        _lengths = new int[words.Count];
        _complete = true;
        for (var i = 0; i < words.Count; i++)
        {
            _complete &= AsciiKey.TryPack(words[i], lowerCase: true, out _keys[i]);
            _lengths[i] = words[i].Length;
        }
    }

    /// <summary>
    /// The index of <paramref name="word"/> in the set, ignoring ASCII case, in <paramref name="index"/> (-1 when
    /// absent); false when this set cannot decide (a non-ASCII or long word, or a set with such words).
    /// </summary>
    public bool TryIndexOf(ReadOnlySpan<char> word, out int index)
    {
        index = -1;
        if (!_complete || !AsciiKey.TryPack(word, lowerCase: true, out var key))
        {
            return false;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] == key && _lengths[i] == word.Length)
            {
                index = i;
                break;
            }
        }

        return true;
    }
}
