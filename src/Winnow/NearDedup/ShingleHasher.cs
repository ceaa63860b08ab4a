using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Winnow.Hashing;
using Winnow.Text;

namespace Winnow.NearDedup;

/// <summary>
/// Turns a text into the 64-bit hashes of its word n-grams. Words are maximal runs of letters,
/// digits and '_' of the NFC, lower-cased text (like Python's <c>re.findall(r"\w+", text.lower())</c>);
/// a text with fewer than n words gives one shingle of all its words, a text without words none.
/// </summary>
/// <remarks>
/// Each word is hashed once, while it is read (<see cref="WordHasher"/>: no copy of the word is
/// made); a shingle hash mixes its n word hashes in order (a rolling polynomial, avalanched), so no
/// shingle string is ever built. Not thread-safe: one instance per
/// thread (it keeps its buffers).
/// </remarks>
internal sealed class ShingleHasher
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    /// <summary>0, 1, …, 15: a constant (a static field would be a load through its address in the native build).</summary>
    private static Vector256<ushort> LaneIndex
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }
    private readonly int _ngram;
    private readonly ulong _seed;
    private ulong[] _words = new ulong[256];

    // Short ASCII words waiting to be hashed eight at a time (HashPending): each word's four
    // blocks of characters, one array per block so that a vector load takes a block of eight
    // words, and its length (under 16) with where its hash goes in _words above it (length |
    // place << 4: one store and one buffer fewer a word). Hashed when full, so the buffers stay
    // small (5 KB) whatever the text's length; eight more slots: the last group is read whole.
    private const int PendingCapacity = 128;
    private const int PendingStride = PendingCapacity + 8;
    private readonly ulong[] _pendingBlocks = Batched ? new ulong[4 * PendingStride] : [];
    private readonly int[] _pendingWords = Batched ? new int[PendingStride] : [];
    private int _pending;

    public ShingleHasher(int ngram, ulong seed)
    {
        _ngram = ngram;
        _seed = seed;
    }

    /// <summary>Writes the shingle hashes of <paramref name="text"/> into <paramref name="shingles"/> (grown as needed); returns their count.</summary>
    public int Hash(string text, ref ulong[] shingles) => Hash(text.AsSpan(), ref shingles);

    /// <inheritdoc cref="Hash(string, ref ulong[])"/>
    /// <param name="text">The text.</param>
    /// <param name="shingles">Receives the shingle hashes.</param>
    /// <param name="knownNfc">The caller knows the text is in NFC: the check is skipped.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Hash(ReadOnlySpan<char> text, ref ulong[] shingles, bool knownNfc = false)
    {
        var source = TextNormalizer.ToNfc(text, knownNfc);

        var words = WordHashes(source);
        if (words == 0)
        {
            return 0;
        }

        var count = Math.Max(1, words - _ngram + 1);
        if (shingles.Length < count)
        {
            shingles = new ulong[Math.Max(count, shingles.Length * 2)];
        }

        var span = _words.AsSpan(0, words);
        // A shingle is the polynomial w[i]·P^(n-1) + ... + w[i+n-1] mod 2^64 of its word hashes,
        // rolled from one window to the next (the word leaving, the word entering), then
        // avalanched. Order matters: P - 1 has a single factor 2, so swapping two different words
        // changes the sum unless their hashes agree in 63 bits.
        var n = Math.Min(_ngram, words);
        var seed = _seed ^ ((ulong)n * Prime2);
        var leaving = 1UL;
        var h = 0UL;
        for (var k = 0; k < n; k++)
        {
            h = (h * Prime1) + span[k];
            leaving = k == 0 ? 1 : leaving * Prime1;
        }

        shingles[0] = Avalanche.XxHash64(h ^ seed);
        var i = 1;
        if (Batched && count >= 9 && n <= 64)
        {
            i = ShinglesByLanes(span, n, seed, leaving, shingles);
            h = 0;
            for (var k = 0; k < n; k++)
            {
                h = (h * Prime1) + span[i - 1 + k];
            }
        }

        for (; i < count; i++)
        {
            h = ((h - (span[i - 1] * leaving)) * Prime1) + span[i + n - 1];
            shingles[i] = Avalanche.XxHash64(h ^ seed);
        }

        return count;
    }

    /// <summary>
    /// Shingles 1, 2, … eight at a time, each as its polynomial written out (w[i]·P^(n-1) + … +
    /// w[i+n-1], the same value mod 2^64 as the rolled one): rolling makes each shingle wait for
    /// the one before (two multiplies), lanes do not. Returns the first shingle not written
    /// (fewer than eight remain from it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ShinglesByLanes(ReadOnlySpan<ulong> words, int n, ulong seed, ulong highest, ulong[] shingles)
    {
        var count = words.Length - n + 1;
        ref var word = ref MemoryMarshal.GetReference(words);
        ref var shingle = ref MemoryMarshal.GetArrayDataReference(shingles);
        var seeds = Vector512.Create(seed);
        Span<ulong> powers = stackalloc ulong[n];
        powers[0] = highest;
        for (var k = 1; k < n; k++)
        {
            powers[k] = powers[k - 1] * InversePrime1;
        }

        var i = 1;
        for (; i + 8 <= count; i += 8)
        {
            var h = Vector512<ulong>.Zero;
            for (var k = 0; k < powers.Length; k++)
            {
                h += Vector512.LoadUnsafe(ref word, (nuint)(i + k)) * Vector512.Create(powers[k]);
            }

            Avalanche.XxHash64(h ^ seeds).StoreUnsafe(ref shingle, (nuint)i);
        }

        return i;
    }

    /// <summary>The inverse of <see cref="Prime1"/> mod 2^64 (odd, so it has one): P^(k-1) = P^k · P^-1.</summary>
    private const ulong InversePrime1 = 0x0887493432BADB37UL;

    /// <summary>
    /// Writes the sorted, distinct shingle hashes of <paramref name="text"/> (the set exact
    /// verification compares) into <paramref name="shingles"/> (grown as needed); returns their count.
    /// </summary>
    public int HashSet(ReadOnlySpan<char> text, ref ulong[] shingles, bool knownNfc = false)
    {
        var count = Hash(text, ref shingles, knownNfc); // may grow shingles
        var set = shingles.AsSpan(0, count);
        ShingleSorter.Sort(set);
        var n = 0;
        for (var i = 0; i < set.Length; i++)
        {
            if (i == 0 || set[i] != set[n - 1])
            {
                set[n++] = set[i];
            }
        }

        return n;
    }

    /// <summary>The word hashes written by the last <see cref="WordHashes"/> call (its count of them first).</summary>
    internal ReadOnlySpan<ulong> Words => _words;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int WordHashes(ReadOnlySpan<char> text)
    {
        // A word takes at least one character and one separator: no growth check per word.
        if (_words.Length < (text.Length / 2) + 1)
        {
            _words = new ulong[Math.Max((text.Length / 2) + 1, _words.Length * 2)];
        }

        _pending = 0;
        var words = _words;
        var count = 0;
        var word = new WordHasher(_seed);
        var i = 0;
        while (i < text.Length)
        {
            if (word.Units == 0 && Vector256.IsHardwareAccelerated && i + BlockReach <= text.Length)
            {
                var next = AsciiBlockWords(text, i, words, ref count);
                if (next > i)
                {
                    i = next;
                    continue;
                }
            }

            var c = text[i];
            if (c < 128)
            {
                if (IsAsciiWord(c))
                {
                    if (word.Units == 0 && Vector256.IsHardwareAccelerated && i + 16 <= text.Length)
                    {
                        // Most words: up to 15 ASCII word characters followed by an ASCII separator,
                        // hashed from one load with no per-character branch.
                        var v = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)i);
                        var length = BitOperations.TrailingZeroCount(~AsciiWordMask(v));
                        if (length < 16 && text[i + length] < 128)
                        {
                            AddShortWord(words, count++, v, length);
                            i += length + 1; // the ASCII separator after it too
                            continue;
                        }
                    }

                    var run = AsciiWordRun(text, i);
                    word.AddAscii(text, i, run);
                    i += run;
                    continue;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (IsWord(Rune.GetUnicodeCategory(rune)))
                {
                    var lower = Rune.ToLowerInvariant(rune);
                    word.Add((uint)(0xD800 + ((lower.Value - 0x10000) >> 10)));
                    word.Add((uint)(0xDC00 + ((lower.Value - 0x10000) & 0x3FF)));
                    i += 2;
                    continue;
                }
            }
            else if (IsWord(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                // A non-ASCII letter may lower-case to an ASCII one (the Kelvin sign to 'k'), which has bit 0x20 already.
                word.Add(char.ToLowerInvariant(c));
                i++;
                continue;
            }

            if (word.Units > 0)
            {
                words[count++] = word.Finish();
            }

            i++;
        }

        if (word.Units > 0)
        {
            words[count++] = word.Finish();
        }

        if (_pending > 0)
        {
            HashPending(words);
        }

        return count;
    }

    /// <summary>
    /// Whether short words are hashed eight at a time in 512-bit registers (with their 64-bit
    /// multiply): a word's hash is a chain of dependent multiplies, so one word at a time leaves
    /// the multiplier waiting; eight lanes keep it busy.
    /// </summary>
    private static bool Batched => Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported;

    /// <summary>
    /// The hashes of the pending short words, as <see cref="WordHasher.Short"/> gives them, into
    /// their places in <paramref name="words"/>; the queue is then empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HashPending(ulong[] words)
    {
        var pending = _pending;
        const int stride = PendingStride;
        ref var blocks = ref MemoryMarshal.GetArrayDataReference(_pendingBlocks);
        ref var pendingWords = ref MemoryMarshal.GetArrayDataReference(_pendingWords);

        // The last group's lanes past the pending words hash whatever the arrays hold; their
        // hashes are not written.
        for (var j = 0; j < pending; j += 8)
        {
            var h = WordHasher.ShortLanes(
                _seed,
                Vector512.LoadUnsafe(ref blocks, (nuint)j),
                Vector512.LoadUnsafe(ref blocks, (nuint)(stride + j)),
                Vector512.LoadUnsafe(ref blocks, (nuint)((2 * stride) + j)),
                Vector512.LoadUnsafe(ref blocks, (nuint)((3 * stride) + j)),
                Vector512.WidenLower((Vector256.LoadUnsafe(ref pendingWords, (nuint)j).AsUInt32() & Vector256.Create(15u)).ToVector512Unsafe()).AsUInt64());
            // Words queued in a row go to places in a row, unless a long word came between them:
            // then one store takes the eight (places only grow, so seven apart means in a row).
            var place = Unsafe.Add(ref pendingWords, j) >> 4;
            if (pending - j >= 8 && (Unsafe.Add(ref pendingWords, j + 7) >> 4) - place == 7)
            {
                h.CopyTo(words.AsSpan(place, 8));
                continue;
            }

            var lanes = Math.Min(8, pending - j);
            for (var lane = 0; lane < lanes; lane++)
            {
                words[Unsafe.Add(ref pendingWords, j + lane) >> 4] = h.GetElement(lane);
            }
        }

        _pending = 0;
    }

    /// <summary>
    /// The words of the 64 characters at <paramref name="at"/> that end there, up to the first
    /// non-ASCII character, found from one bit mask instead of a step per character: each word of
    /// up to 15 characters is hashed from one load, a longer one as <see cref="WordHasher.AddAscii"/>
    /// would. Returns where the general loop goes on: at a word that runs to the block's end or into
    /// a non-ASCII character (it may go on there), else past the block. The text must hold
    /// <see cref="BlockReach"/> characters from <paramref name="at"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AsciiBlockWords(ReadOnlySpan<char> text, int at, ulong[] words, ref int count)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ulong wordBits = 0, nonAscii = 0;
        for (var part = 0; part < 4; part++)
        {
            var v = Vector256.LoadUnsafe(ref first, (nuint)(at + (16 * part)));
            wordBits |= (ulong)AsciiWordMask(v) << (16 * part);
            nonAscii |= (ulong)Vector256.GreaterThan(v, Vector256.Create((ushort)127)).ExtractMostSignificantBits() << (16 * part);
        }

        // Up to the first non-ASCII character: a word touching it may continue in it.
        var limit = BitOperations.TrailingZeroCount(nonAscii);
        if (limit < 64)
        {
            wordBits &= (1UL << limit) - 1;
        }

        // Each word's first and last characters as bits of their own: the loop takes the lowest
        // of each, one instruction apiece, so finding a word's bounds does not wait on the word
        // before it, and the hashing of consecutive words overlaps.
        var starts = wordBits & ~(wordBits << 1);
        var lasts = wordBits & ~(wordBits >> 1);
        if (limit > 0 && ((lasts >> (limit - 1)) & 1) != 0)
        {
            // The last word touches the block's end or a non-ASCII character and may go on
            // there: the general loop takes it from its start.
            var lastStart = 63 - BitOperations.LeadingZeroCount(starts);
            AsciiWords(text, at, starts & ~(1UL << lastStart), lasts & ~(1UL << (limit - 1)), words, ref count);
            return at + lastStart;
        }

        AsciiWords(text, at, starts, lasts, words, ref count);
        return at + limit;
    }

    /// <summary>Hashes the ASCII words whose first characters are <paramref name="starts"/>' bits and last ones <paramref name="lasts"/>' (from <paramref name="at"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AsciiWords(ReadOnlySpan<char> text, int at, ulong starts, ulong lasts, ulong[] words, ref int count)
    {
        if (Batched)
        {
            count = PendWords(text, at, starts, lasts, words, count);
            return;
        }

        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        while (starts != 0)
        {
            var start = BitOperations.TrailingZeroCount(starts);
            var length = BitOperations.TrailingZeroCount(lasts) + 1 - start;
            starts &= starts - 1;
            lasts &= lasts - 1;
            words[count++] = length < 16
                ? ShortWord(Vector256.LoadUnsafe(ref first, (nuint)(at + start)), length)
                : LongWord(text, at + start, length);
        }
    }

    /// <summary>
    /// <see cref="AsciiWords"/> where short words are hashed later, eight at a time. The loop
    /// calls nothing, so that its buffers and counts stay in registers (with calls in it, the
    /// native build kept them in memory and reloaded each per word): room for a block's words is
    /// made before it, and the rare long words are hashed after it. Returns the new count of words.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int PendWords(ReadOnlySpan<char> text, int at, ulong starts, ulong lasts, ulong[] words, int count)
    {
        // A block of 64 characters holds at most 32 words (a character and a separator each).
        if (_pending > PendingCapacity - 32)
        {
            HashPending(words);
        }

        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref var blocks = ref MemoryMarshal.GetArrayDataReference(_pendingBlocks);
        ref var pendingWords = ref MemoryMarshal.GetArrayDataReference(_pendingWords);
        const int stride = PendingStride;
        var pending = _pending;
        var firstIndex = count;
        var allStarts = starts;
        var allLasts = lasts;
        var longStarts = 0UL;
        while (starts != 0)
        {
            var start = BitOperations.TrailingZeroCount(starts);
            var length = BitOperations.TrailingZeroCount(lasts) + 1 - start;
            starts &= starts - 1;
            lasts &= lasts - 1;
            if (length >= 16)
            {
                longStarts |= 1UL << start;
                count++;
                continue;
            }

            var v = ShortBlocks(Vector256.LoadUnsafe(ref first, (nuint)(at + start)), length);
            Unsafe.Add(ref blocks, pending) = v.GetElement(0);
            Unsafe.Add(ref blocks, stride + pending) = v.GetElement(1);
            Unsafe.Add(ref blocks, (2 * stride) + pending) = v.GetElement(2);
            Unsafe.Add(ref blocks, (3 * stride) + pending) = v.GetElement(3);
            Unsafe.Add(ref pendingWords, pending) = length | (count++ << 4);
            pending++;
        }

        _pending = pending;

        // A long word's place: the words of the block that start before it.
        for (; longStarts != 0; longStarts &= longStarts - 1)
        {
            var start = BitOperations.TrailingZeroCount(longStarts);
            var length = BitOperations.TrailingZeroCount(allLasts >> start) + 1;
            words[firstIndex + BitOperations.PopCount(allStarts & ((1UL << start) - 1))] = LongWord(text, at + start, length);
        }

        return count;
    }

    /// <summary>The hash of the run of <paramref name="length"/> ASCII word characters at <paramref name="start"/>.</summary>
    private ulong LongWord(ReadOnlySpan<char> text, int start, int length)
    {
        var word = new WordHasher(_seed);
        word.AddAscii(text, start, length);
        return word.Finish();
    }

    /// <summary>The hash of the word of <paramref name="length"/> (under 16) ASCII word characters that <paramref name="v"/> starts with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ShortWord(Vector256<ushort> v, int length) => WordHasher.Short(_seed, ShortBlocks(v, length), length);

    /// <summary>The first <paramref name="length"/> characters of <paramref name="v"/> as <see cref="WordHasher"/> takes them (<c>c | 0x20</c>), the rest zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> ShortBlocks(Vector256<ushort> v, int length) =>
        ((v | Vector256.Create((ushort)0x20)) & Vector256.LessThan(LaneIndex, Vector256.Create((ushort)length))).AsUInt64();

    /// <summary>
    /// <see cref="ShortWord"/>'s hash for <c>words[<paramref name="index"/>]</c>: later, with seven
    /// others (<see cref="HashPending"/>), where the processor has 512-bit registers; else now.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddShortWord(ulong[] words, int index, Vector256<ushort> v, int length)
    {
        if (!Batched)
        {
            words[index] = ShortWord(v, length);
            return;
        }

        if (_pending == PendingCapacity)
        {
            HashPending(words);
        }

        // As PendWords queues a word (written out there, where a shared helper cost registers).
        var blocks = ShortBlocks(v, length);
        var j = _pending++;
        const int stride = PendingStride;
        ref var first = ref MemoryMarshal.GetArrayDataReference(_pendingBlocks);
        Unsafe.Add(ref first, j) = blocks.GetElement(0);
        Unsafe.Add(ref first, stride + j) = blocks.GetElement(1);
        Unsafe.Add(ref first, (2 * stride) + j) = blocks.GetElement(2);
        Unsafe.Add(ref first, (3 * stride) + j) = blocks.GetElement(3);
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_pendingWords), j) = length | (index << 4);
    }

    /// <summary>How many characters from a block's start <see cref="AsciiBlockWords"/> may read: the block and one load past it.</summary>
    private const int BlockReach = 64 + 16;

    /// <summary>Bit k set when character k of <paramref name="v"/> is an ASCII letter, digit or '_'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint AsciiWordMask(Vector256<ushort> v)
    {
        // Letters are (c | 0x20) - 'a' <= 25, digits c - '0' <= 9 (unsigned, so anything else is out of range).
        var word = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25))
            | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9))
            | Vector256.Equals(v, Vector256.Create((ushort)'_'));
        return word.ExtractMostSignificantBits();
    }

    /// <summary>The length of the run of ASCII word characters at <paramref name="start"/> (at least 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiWordRun(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            while (i + 16 <= text.Length)
            {
                var ends = ~AsciiWordMask(Vector256.LoadUnsafe(ref first, (nuint)i)) & 0xFFFF;
                if (ends != 0)
                {
                    return i + BitOperations.TrailingZeroCount(ends) - start;
                }

                i += 16;
            }
        }

        while (i < text.Length && text[i] < 128 && IsAsciiWord(text[i]))
        {
            i++;
        }

        return i - start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiWord(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

    // Python's \w beyond ASCII: letters and numbers of any kind (marks are not word characters).
    private static bool IsWord(UnicodeCategory category) =>
        category is <= UnicodeCategory.OtherLetter or (>= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber);
}
