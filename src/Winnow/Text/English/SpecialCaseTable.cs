using System.Runtime.CompilerServices;

namespace Winnow.Text.English;

/// <summary>
/// A read-only map from short strings to small integers, looked up by span without allocating: open
/// addressing over an FNV-1a hash of the UTF-16 units. Used for the tokenizer's exceptions and patterns.
/// </summary>
/// <remarks>Immutable once built, thread-safe.</remarks>
internal sealed class SpecialCaseTable
{
    private readonly string[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public SpecialCaseTable(IReadOnlyList<(string Key, int Value)> entries)
    {
        var size = 64;
        while (size < entries.Count * 4)
        {
            size <<= 1;
        }

        _keys = new string[size];
        _values = new int[size];
        _mask = size - 1;
        foreach (var (key, value) in entries)
        {
            MaxLength = Math.Max(MaxLength, key.Length);
            var slot = (int)Hash(key) & _mask;
            while (_keys[slot] is not null && _keys[slot] != key)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    /// <summary>The longest key, in UTF-16 units.</summary>
    public int MaxLength { get; }

    /// <summary>The value of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.Length > MaxLength || key.IsEmpty)
        {
            return -1;
        }

        var slot = (int)Hash(key) & _mask;
        while (_keys[slot] is { } candidate)
        {
            if (key.SequenceEqual(candidate))
            {
                return _values[slot];
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h ^ (h >> 15);
    }
}
