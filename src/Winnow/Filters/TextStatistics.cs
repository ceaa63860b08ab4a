using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.Filters;

/// <summary>
/// The lines and words of one text, found once and shared by every filter that reads the same text.
/// </summary>
/// <remarks>
/// Lines split at '\n' (a trailing '\r' is dropped; a final empty line is not counted, as Python's
/// splitlines). Words are runs of non-whitespace with punctuation and symbols trimmed from both
/// ends; a run of punctuation alone is not a word, as the Gopher paper counts words. DataTrove
/// counts spaCy's English tokens instead, punctuation included; compat: datatrove uses those
/// (DataTrove.DataTroveWords).
/// One instance per thread, rebuilt when the text changes (strings are immutable, so reference
/// equality is enough): filters running one after another on a document tokenize it once.
/// </remarks>
internal sealed class TextStatistics
{
    [ThreadStatic]
    private static TextStatistics? _threadCurrent;

    private Segment[] _lines = new Segment[64];
    private Segment[] _words = new Segment[256];
    private int[] _lineTokens = new int[64];
    private int[] _lineLongestToken = new int[64];
    private ulong[] _lineHashes = new ulong[64];
    private string? _lineHashesFor;
    private (double Fraction, double Chars, int Blocks) _repeatedLines;
    private string? _repeatedLinesFor;

    private TextStatistics(string text) => Text = text;

    /// <summary>The text measured.</summary>
    public string Text { get; private set; }

    public int LineCount { get; private set; }

    public int WordCount { get; private set; }

    /// <summary>The characters of all <see cref="Words"/> (Gopher's mean word length), summed as the words are found.</summary>
    public long WordChars { get; private set; }

    /// <summary>How many <see cref="Words"/> hold a letter (Gopher's alphabetic word ratio), counted as the words are found.</summary>
    public int AlphabeticWords { get; private set; }

    public ReadOnlySpan<Segment> Lines => _lines.AsSpan(0, LineCount);

    public ReadOnlySpan<Segment> Words => _words.AsSpan(0, WordCount);

    /// <summary>Per line, the number of whitespace-separated tokens (punctuation-only tokens included).</summary>
    public ReadOnlySpan<int> LineTokens => _lineTokens.AsSpan(0, LineCount);

    /// <summary>Per line, the length of its longest whitespace-separated token.</summary>
    public ReadOnlySpan<int> LineLongestToken => _lineLongestToken.AsSpan(0, LineCount);

    /// <summary>The statistics of <paramref name="text"/>, reusing this thread's last ones when they match.</summary>
    public static TextStatistics For(string text)
    {
        var current = _threadCurrent ??= new TextStatistics(text) { Text = null! };
        if (!ReferenceEquals(current.Text, text))
        {
            current.Build(text);
        }

        return current;
    }

    public ReadOnlySpan<char> Line(int index) => _lines[index].Of(Text);

    public ReadOnlySpan<char> Word(int index) => _words[index].Of(Text);

    /// <summary>A 64-bit hash per line (as <see cref="Line"/> gives it), computed on first use.</summary>
    public ReadOnlySpan<ulong> LineHashes()
    {
        if (!ReferenceEquals(_lineHashesFor, Text))
        {
            if (_lineHashes.Length < LineCount)
            {
                _lineHashes = new ulong[_lines.Length];
            }

            var text = Text.AsSpan();
            for (var i = 0; i < LineCount; i++)
            {
                _lineHashes[i] = TextHash.Of(_lines[i].Of(text));
            }

            _lineHashesFor = Text;
        }

        return _lineHashes.AsSpan(0, LineCount);
    }

    /// <summary>Repeated non-blank lines (see <see cref="RepeatedBlocks.Lines"/>), kept for the next filter reading this text.</summary>
    public (double Fraction, double Chars, int Blocks) RepeatedLines()
    {
        if (!ReferenceEquals(_repeatedLinesFor, Text))
        {
            _repeatedLines = RepeatedBlocks.Lines(this);
            _repeatedLinesFor = Text;
        }

        return _repeatedLines;
    }

    private void Build(string text)
    {
        Text = text;
        LineCount = 0;
        var span = text.AsSpan();
        var words = _words;
        var wordCount = 0;
        long wordChars = 0;
        var alphabetic = 0;
        var tokens = 0;
        var longest = 0;
        var lineStart = 0;
        var tokenStart = -1;

        // 64 characters at a time: bit masks of whitespace and '\n' give the positions where a token
        // ends and where a line ends, visited in order; a token's start is the last start bit before
        // its end (or, for a token that began in an earlier block, the one carried over).
        for (var block = 0; block < span.Length; block += 64)
        {
            var length = Math.Min(64, span.Length - block);
            var spaces = WhitespaceMask.Of(span.Slice(block, length), out var newlines);
            var valid = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
            var inToken = ~spaces & valid;
            var before = (inToken << 1) | (tokenStart >= 0 ? 1UL : 0);
            var starts = inToken & ~before;
            var ends = spaces & before;
            var events = ends | newlines;

            // A block ends at most 32 tokens (each ends at a whitespace character after its own).
            if (words.Length - wordCount < 33)
            {
                Array.Resize(ref words, Math.Max(words.Length * 2, wordCount + 33));
            }

            while (events != 0)
            {
                var offset = BitOperations.TrailingZeroCount(events);
                var bit = 1UL << offset;
                var at = block + offset;
                if ((ends & bit) != 0)
                {
                    var earlier = starts & (bit - 1);
                    var start = earlier != 0 ? block + 63 - BitOperations.LeadingZeroCount(earlier) : tokenStart;
                    tokens++;
                    longest = Math.Max(longest, at - start);
                    wordCount += Word(span, start, at, out Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), wordCount), ref wordChars, ref alphabetic);
                }

                if ((newlines & bit) != 0)
                {
                    AddLine(span, lineStart, at, tokens, longest);
                    tokens = 0;
                    longest = 0;
                    lineStart = at + 1;
                }

                events &= events - 1;
            }

            // A token still open at the block's last character continues in the next block.
            if (((inToken >> (length - 1)) & 1) == 0)
            {
                tokenStart = -1;
            }
            else if (starts != 0)
            {
                tokenStart = block + 63 - BitOperations.LeadingZeroCount(starts);
            }
        }

        if (tokenStart >= 0)
        {
            tokens++;
            longest = Math.Max(longest, span.Length - tokenStart);
            wordCount += Word(span, tokenStart, span.Length, out Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), wordCount), ref wordChars, ref alphabetic);
        }

        if (lineStart < span.Length)
        {
            AddLine(span, lineStart, span.Length, tokens, longest);
        }

        _words = words;
        WordCount = wordCount;
        WordChars = wordChars;
        AlphabeticWords = alphabetic;
    }

    private void AddLine(ReadOnlySpan<char> text, int start, int end, int tokens, int longest)
    {
        if (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        if (LineCount == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
            Array.Resize(ref _lineTokens, _lines.Length);
            Array.Resize(ref _lineLongestToken, _lines.Length);
        }

        _lineTokens[LineCount] = tokens;
        _lineLongestToken[LineCount] = longest;
        _lines[LineCount++] = new Segment(start, end - start);
    }

    /// <summary>
    /// The token [start, end) (non-empty, inside <paramref name="text"/>) without the punctuation at its
    /// ends, in <paramref name="word"/>; 1 if anything is left, else 0. A word left adds its length to
    /// <paramref name="wordChars"/> and, if it holds a letter, one to <paramref name="alphabetic"/>: counted
    /// here, while its characters are at hand, instead of in a second walk over the words. Most tokens
    /// are ASCII with at most one punctuation character at each end: those are trimmed by table
    /// look-ups, without a branch on whether the ends are punctuation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Word(ReadOnlySpan<char> text, int start, int end, out Segment word, ref long wordChars, ref int alphabetic)
    {
        ref var chars = ref MemoryMarshal.GetReference(text);
        ref var edges = ref MemoryMarshal.GetReference(EdgeAscii);
        var first = Unsafe.Add(ref chars, start);
        var last = Unsafe.Add(ref chars, end - 1);
        if ((first | last) < 128)
        {
            var from = start + Unsafe.Add(ref edges, first);
            var to = end - Unsafe.Add(ref edges, last);
            if (from < to)
            {
                var a = Unsafe.Add(ref chars, from);
                var b = Unsafe.Add(ref chars, to - 1);
                if ((a | b) < 128 && (Unsafe.Add(ref edges, a) | Unsafe.Add(ref edges, b)) == 0)
                {
                    word = new Segment(from, to - from);
                    wordChars += to - from;
                    alphabetic += char.IsAsciiLetter(a) || HasLetter(text[from..to]) ? 1 : 0;
                    return 1;
                }
            }
        }

        if (TrimmedWord(text, start, end, out word) == 0)
        {
            return 0;
        }

        wordChars += word.Length;
        alphabetic += HasLetter(word.Of(text)) ? 1 : 0;
        return 1;
    }

    private static int TrimmedWord(ReadOnlySpan<char> text, int start, int end, out Segment word)
    {
        while (start < end && IsEdgePunctuation(text[start]))
        {
            start++;
        }

        while (end > start && IsEdgePunctuation(text[end - 1]))
        {
            end--;
        }

        word = new Segment(start, end - start);
        return start == end ? 0 : 1;
    }

    /// <summary>Whether <paramref name="word"/> holds a letter (ASCII, or any Unicode letter).</summary>
    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c) || (c >= 128 && char.IsLetter(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>1 for the ASCII characters <see cref="IsEdgePunctuation"/> trims (!"#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~), 0 for the others.</summary>
    private static ReadOnlySpan<byte> EdgeAscii =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSpace(char c) => c <= ' ' ? c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' : c >= '\u0085' && char.IsWhiteSpace(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEdgePunctuation(char c) => c < 128
        ? (uint)(c - '!') <= '/' - '!' || (uint)(c - ':') <= '@' - ':' || (uint)(c - '[') <= '`' - '[' || (uint)(c - '{') <= '~' - '{'
        : char.IsPunctuation(c) || char.IsSymbol(c);
}
