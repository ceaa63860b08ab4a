using System.Runtime.CompilerServices;

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
    private int _tokens;
    private int _longestToken;
    private ulong[] _lineHashes = new ulong[64];
    private string? _lineHashesFor;
    private (double Fraction, double Chars, int Blocks) _repeatedLines;
    private string? _repeatedLinesFor;

    private TextStatistics(string text) => Text = text;

    /// <summary>The text measured.</summary>
    public string Text { get; private set; }

    public int LineCount { get; private set; }

    public int WordCount { get; private set; }

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
        WordCount = 0;
        _tokens = 0;
        _longestToken = 0;
        var span = text.AsSpan();
        var lineStart = 0;
        var tokenStart = -1;

        // 64 characters at a time: bit masks of whitespace and '\n' give the positions where a token
        // starts or ends and where a line ends, visited in order.
        for (var block = 0; block < span.Length; block += 64)
        {
            var length = Math.Min(64, span.Length - block);
            var spaces = WhitespaceMask.Of(span.Slice(block, length), out var newlines);
            var valid = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
            var inToken = ~spaces & valid;
            var before = (inToken << 1) | (tokenStart >= 0 ? 1UL : 0);
            var starts = inToken & ~before;
            var ends = spaces & before;
            var events = starts | ends | newlines;
            while (events != 0)
            {
                var bit = events & (0 - events);
                var at = block + System.Numerics.BitOperations.TrailingZeroCount(events);
                if ((ends & bit) != 0)
                {
                    AddToken(span, tokenStart, at);
                    tokenStart = -1;
                }

                if ((newlines & bit) != 0)
                {
                    AddLine(span, lineStart, at);
                    lineStart = at + 1;
                }

                if ((starts & bit) != 0)
                {
                    tokenStart = at;
                }

                events ^= bit;
            }
        }

        if (tokenStart >= 0)
        {
            AddToken(span, tokenStart, span.Length);
        }

        if (lineStart < span.Length)
        {
            AddLine(span, lineStart, span.Length);
        }
    }

    private void AddToken(ReadOnlySpan<char> text, int start, int end)
    {
        _tokens++;
        _longestToken = Math.Max(_longestToken, end - start);
        AddWord(text, start, end);
    }

    private void AddLine(ReadOnlySpan<char> text, int start, int end)
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

        _lineTokens[LineCount] = _tokens;
        _lineLongestToken[LineCount] = _longestToken;
        _tokens = 0;
        _longestToken = 0;
        _lines[LineCount++] = new Segment(start, end - start);
    }

    private void AddWord(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && IsEdgePunctuation(text[start]))
        {
            start++;
        }

        while (end > start && IsEdgePunctuation(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return;
        }

        if (WordCount == _words.Length)
        {
            Array.Resize(ref _words, _words.Length * 2);
        }

        _words[WordCount++] = new Segment(start, end - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSpace(char c) => c <= ' ' ? c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' : c >= '\u0085' && char.IsWhiteSpace(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEdgePunctuation(char c) => c < 128
        ? (uint)(c - '!') <= '/' - '!' || (uint)(c - ':') <= '@' - ':' || (uint)(c - '[') <= '`' - '[' || (uint)(c - '{') <= '~' - '{'
        : char.IsPunctuation(c) || char.IsSymbol(c);
}
