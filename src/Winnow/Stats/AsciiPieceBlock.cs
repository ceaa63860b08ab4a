using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Winnow.Stats;

/// <summary>
/// <see cref="O200kPieces.Next"/> for the common case, 64 characters at a time: the block's
/// characters are classified by vector compares into bit masks (bit k: the k-th character), and
/// each piece's end is found from the masks by counting trailing zeros, instead of a table
/// lookup and a branch per character. Pieces are decided one after the other from the block's
/// first character, as long as the block decides them; the caller gives the rest to
/// <see cref="O200kPieces.Next"/>.
/// </summary>
/// <remarks>
/// Among ASCII characters the pattern (see <see cref="O200kPieces"/>) reduces to: A1/A2 to
/// <c>P?[A-Z]*[a-z]*C?</c> (an ASCII letter has no case-less class for the regex to give back),
/// A3 to up to three digits, A4 to a run of the other characters, whitespace to its run. A
/// character past U+007F is "unknown" (narrowed with saturation, it keeps its top bit): when a run
/// stops at one, or a piece's second character is one, the block does not decide the piece;
/// nor when a run reaches the block's end. Past the text's end the block holds unknown
/// characters, so no piece is decided by what follows the text.
/// </remarks>
internal ref struct AsciiPieceBlock
{
    /// <summary>Characters classified at once.</summary>
    public const int Size = 64;

    private readonly ReadOnlySpan<char> _text;
    private int _start;
    private ulong _unknown;
    private ulong _letters;
    private ulong _digits;
    private ulong _spaces;       // \s: \t \n \v \f \r and ' '
    private ulong _blanks;       // ' '
    private ulong _breaks;       // \r \n
    private ulong _others;       // [^\s\p{L}\p{N}]
    private ulong _breaksAndSlashes;
    private ulong _apostrophes;
    private ulong _wordStarts;   // A1/A2 match here: a letter, or a prefix character then a letter
    private ulong _wordStops;    // bit k: a word's letters stop before k + 1 (bit 63: at the block's end)
    private ulong _decidedStarts;
    private NarrowedChars _bytes; // the characters as bytes, then 16 zeros: keys are read from here
    private PaddedChars _padded;  // the text's last characters, then unknown ones

    /// <summary>A block over <paramref name="text"/>, to be <see cref="Load"/>ed.</summary>
    public AsciiPieceBlock(ReadOnlySpan<char> text) => _text = text;

    /// <summary>Classifies the 64 characters from <paramref name="start"/> (past the text's end: unknown ones).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(int start)
    {
        _start = start;
        if (_text.Length - start >= Size)
        {
            Classify(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(_text[start..])));
        }
        else
        {
            LoadPadded();
        }
    }

    /// <summary>
    /// The length of the piece at <paramref name="k"/> (0–63, a piece's start), or 0 when the
    /// block does not decide it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int PieceLength(int k)
    {
        if (((_wordStarts >> k) & 1) == 0)
        {
            return OtherPieceLength(k);
        }

        // A1/A2: to the word's stop, then a contraction. A prefix character has its bit of
        // _wordStops clear (a letter follows it), so the first stop from k is the word's whether
        // k holds its prefix or its first letter: no step waits on which of the two it is.
        var end = k + 1 + BitOperations.TrailingZeroCount(_wordStops >> k);
        if (end == Size || ((_unknown >> end) & 1) != 0)
        {
            return 0;
        }

        if (((_apostrophes >> end) & 1) != 0)
        {
            // Past the block's end, its key could not be read from the block: the next block has it.
            end = O200kPieces.Contraction(_text, _start + end) - _start;
            if (end > Size)
            {
                return 0;
            }
        }

        return end - k;
    }

    /// <summary>
    /// The starts of the pieces the block decides without a step per piece, as bits (bit 0, the
    /// block's first character, set whenever any is): each piece runs from one bit to the next, and
    /// the last bit's piece is not decided (<see cref="PieceLength"/> goes on from there). Found
    /// from the classes of each character and its neighbours, for prose's common characters:
    /// letters, digits, spaces, line breaks and punctuation other than the apostrophe. The first
    /// other one (a tab, an apostrophe, a character past U+007F, a seventh digit in a row, a space
    /// or slash after a line break) ends them two characters before it.
    /// </summary>
    public readonly ulong DecidedStarts => _decidedStarts;

    /// <summary>The key of the piece of <paramref name="length"/> (1–<see cref="PackedPiece.MaxLength"/>) characters at <paramref name="k"/>, all in the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly PackedPiece Pack(int k, int length) =>
        PackedPiece.FromAscii(Vector128.LoadUnsafe(ref Unsafe.As<Vector128<byte>, byte>(ref Unsafe.AsRef(in _bytes[0])), (nuint)k), length);

    /// <summary><see cref="PieceLength"/> of a piece that is not a word.</summary>
    private readonly int OtherPieceLength(int k)
    {
        if (((_unknown >> k) & 1) != 0 || k == Size - 1 || ((_unknown >> k) & 2) != 0)
        {
            return 0; // the second character decides what the first begins
        }

        int end;
        if (((_digits >> k) & 1) != 0)
        {
            // A3: a digit run, cut at three.
            var digits = Run(_digits, k);
            return digits >= 3 ? 3 : k + digits == Size || ((_unknown >> (k + digits)) & 1) != 0 ? 0 : digits;
        }

        if (((_others >> k) & 1) != 0 || (((_blanks >> k) & 1) != 0 && ((_others >> k) & 2) != 0))
        {
            // A4: an optional space, a run of other characters (the second character is one
            // either way), then line breaks and slashes.
            end = k + 1;
            end += Run(_others, end);
            if (end == Size || ((_unknown >> end) & 1) != 0)
            {
                return 0;
            }

            end += Run(_breaksAndSlashes, end);
            return end == Size ? 0 : end - k;
        }

        // Whitespace: A5 to the run's last line break, else A6/A7 as in Next (the run is followed
        // by a character of the text: past its end the block holds unknown ones).
        end = k + Run(_spaces, k);
        if (end == Size || ((_unknown >> end) & 1) != 0)
        {
            return 0;
        }

        var breaks = _breaks & ((1UL << end) - 1) & ~((1UL << k) - 1);
        return breaks != 0 ? Size - BitOperations.LeadingZeroCount(breaks) - k : end - k > 1 ? end - k - 1 : 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LoadPadded()
    {
        Span<ushort> padded = _padded;
        padded.Fill(char.MaxValue);
        MemoryMarshal.Cast<char, ushort>(_text[_start..]).CopyTo(padded);
        Classify(ref _padded[0]);
    }

    private void Classify(ref ushort chars)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Classify512(ref chars);
            return;
        }

        // Four 16-byte vectors, accelerated on every x64 and Arm64 machine, where 64-byte ones are
        // not (they take a third less time a block). Saturation keeps a character past U+007F at
        // 0x80 or above: in no ASCII class.
        var b0 = Vector128.NarrowWithSaturation(Vector128.LoadUnsafe(ref chars), Vector128.LoadUnsafe(ref chars, 8));
        var b1 = Vector128.NarrowWithSaturation(Vector128.LoadUnsafe(ref chars, 16), Vector128.LoadUnsafe(ref chars, 24));
        var b2 = Vector128.NarrowWithSaturation(Vector128.LoadUnsafe(ref chars, 32), Vector128.LoadUnsafe(ref chars, 40));
        var b3 = Vector128.NarrowWithSaturation(Vector128.LoadUnsafe(ref chars, 48), Vector128.LoadUnsafe(ref chars, 56));
        _bytes[0] = b0;
        _bytes[1] = b1;
        _bytes[2] = b2;
        _bytes[3] = b3;
        _unknown = Bits(b0.ExtractMostSignificantBits(), b1.ExtractMostSignificantBits(), b2.ExtractMostSignificantBits(), b3.ExtractMostSignificantBits());
        var upper = InRange(b0, b1, b2, b3, 'A', 26);
        var lower = InRange(b0, b1, b2, b3, 'a', 26);
        _letters = upper | lower;
        _digits = InRange(b0, b1, b2, b3, '0', 10);
        _blanks = InRange(b0, b1, b2, b3, ' ', 1);
        _spaces = InRange(b0, b1, b2, b3, '\t', 5) | _blanks;
        _breaks = InRange(b0, b1, b2, b3, '\r', 1) | InRange(b0, b1, b2, b3, '\n', 1);
        _others = ~(_letters | _digits | _spaces | _unknown);
        _breaksAndSlashes = _breaks | InRange(b0, b1, b2, b3, '/', 1);
        _apostrophes = InRange(b0, b1, b2, b3, '\'', 1);
        ClassifyPieces(upper, lower);
    }

    /// <summary>What <see cref="Classify"/> finds from the classes: where words start and stop, and <see cref="DecidedStarts"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ClassifyPieces(ulong upper, ulong lower)
    {
        // A word starts at a letter, or at any other ASCII character but a digit or a line break
        // before a letter. Its letters stop at a non-letter, or at an upper-case letter after a
        // lower-case one ("iPhone": "i", "Phone").
        var prefixes = ~(_letters | _digits | _breaks | _unknown);
        var caseSplits = upper & (lower << 1);
        _wordStarts = _letters | ((_letters >> 1) & prefixes);
        _wordStops = ((~_letters | caseSplits) >> 1) | (1UL << 63);

        // Every piece start of the block at once, up to the first character whose piece needs
        // more than its neighbours to decide (see DecidedStarts). Bit k of (x << 1) is bit k - 1
        // of x: "after an x"; of (x >> 1), "before an x".
        var letters = _letters;
        var digits = _digits;
        var blanks = _blanks;
        var punctuation = _others & ~_apostrophes;
        var breaks = _breaks;
        var runs = digits & (digits << 1) & (digits << 2);
        var hard = _unknown | _apostrophes | (_spaces & ~blanks & ~breaks) | (runs & (runs << 3) & (digits << 6))
            | ((blanks | (_breaksAndSlashes & ~breaks)) & (breaks << 1));

        // A4 starts at a run of punctuation, or at the space before one; a punctuation
        // character that starts a piece and stands alone before a letter is that word's prefix
        // (A1), as is the space before a letter (the last of its run).
        var punctuationStarts = punctuation & ~(punctuation << 1) & ~(blanks << 1);
        var prefixed = (blanks | punctuationStarts) & (letters >> 1);
        var letterStarts = letters & ~((letters << 1) & ~caseSplits) & ~(prefixed << 1);

        // A3: a run of digits, cut every three (runs of seven or more are left to the scan).
        var digitStarts = digits & ~((digits << 1) & ~(runs << 1 & ~(digits << 4)));

        // A run of spaces: all but its last space (A6), then the last one, alone or as the next
        // piece's prefix; spaces before a line break start one piece with it, to its last line
        // break (A5), unless punctuation comes first: its piece takes the line breaks after it
        // (A4). What follows a line break starts a piece (spaces and slashes there are hard).
        var blankStarts = blanks & (~(blanks << 1) | (~(blanks >> 1) & ~(breaks >> 1)));
        var breakStarts = breaks & ~((breaks | blanks | punctuation) << 1);
        var starts = letterStarts | digitStarts | blankStarts | breakStarts | punctuationStarts;

        // A start is known once its neighbours on both sides are: up to two characters before the
        // first hard one (or the block's end).
        var limit = BitOperations.TrailingZeroCount(hard);
        _decidedStarts = limit >= 2 ? starts & ((1UL << (limit - 1)) - 1) : 0;
    }

    /// <summary><see cref="Classify"/> with the block in one 64-byte vector, where the processor has them: each class is one compare.</summary>
    private void Classify512(ref ushort chars)
    {
        var bytes = Vector512.NarrowWithSaturation(Vector512.LoadUnsafe(ref chars), Vector512.LoadUnsafe(ref chars, 32));
        Unsafe.As<Vector128<byte>, Vector512<byte>>(ref _bytes[0]) = bytes;
        _unknown = bytes.ExtractMostSignificantBits();
        var upper = InRange(bytes, 'A', 26);
        var lower = InRange(bytes, 'a', 26);
        _letters = upper | lower;
        _digits = InRange(bytes, '0', 10);
        _blanks = Vector512.Equals(bytes, Vector512.Create((byte)' ')).ExtractMostSignificantBits();
        _spaces = InRange(bytes, '\t', 5) | _blanks;
        _breaks = Vector512.Equals(bytes, Vector512.Create((byte)'\r')).ExtractMostSignificantBits() | Vector512.Equals(bytes, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
        _others = ~(_letters | _digits | _spaces | _unknown);
        _breaksAndSlashes = _breaks | Vector512.Equals(bytes, Vector512.Create((byte)'/')).ExtractMostSignificantBits();
        _apostrophes = Vector512.Equals(bytes, Vector512.Create((byte)'\'')).ExtractMostSignificantBits();
        ClassifyPieces(upper, lower);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong InRange(Vector512<byte> bytes, char low, byte count) =>
        Vector512.LessThan(bytes - Vector512.Create((byte)low), Vector512.Create(count)).ExtractMostSignificantBits();

    /// <summary>Bit k set when byte k is in [<paramref name="low"/>, <paramref name="low"/> + <paramref name="count"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong InRange(Vector128<byte> b0, Vector128<byte> b1, Vector128<byte> b2, Vector128<byte> b3, char low, byte count)
    {
        var first = Vector128.Create((byte)low);
        var width = Vector128.Create(count);
        return Bits(
            Vector128.LessThan(b0 - first, width).ExtractMostSignificantBits(),
            Vector128.LessThan(b1 - first, width).ExtractMostSignificantBits(),
            Vector128.LessThan(b2 - first, width).ExtractMostSignificantBits(),
            Vector128.LessThan(b3 - first, width).ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(uint b0, uint b1, uint b2, uint b3) => b0 | ((ulong)b1 << 16) | ((ulong)b2 << 32) | ((ulong)b3 << 48);

    /// <summary>The length of the run of <paramref name="mask"/>'s bits from <paramref name="from"/> (0–63), up to the block's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Run(ulong mask, int from) => Math.Min(BitOperations.TrailingZeroCount(~mask >> from), Size - from);

    /// <summary>The block's 64 characters narrowed to bytes, and 16 zero bytes after them so that a key may be read at any piece's start.</summary>
    [InlineArray(Size / 16 + 1)]
    private struct NarrowedChars
    {
        private Vector128<byte> _first;
    }

    [InlineArray(Size)]
    private struct PaddedChars
    {
        private ushort _first;
    }
}
