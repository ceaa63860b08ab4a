using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Microsoft.ML.Tokenizers;
using Winnow.Documents;
using Winnow.Text;

namespace Winnow.Stats;

/// <summary>
/// Counts the tokens of documents' texts with one of OpenAI's byte-pair encodings (Microsoft.ML.Tokenizers
/// and its data packages, no download): how many tokens a corpus keeps is what a language-model team asks first.
/// </summary>
/// <remarks>Thread-safe: one instance per encoding is shared by every run of the process.</remarks>
public sealed class TokenCounter
{
    /// <summary>The encodings offered: o200k_base (GPT-4o), cl100k_base (GPT-4), gpt2.</summary>
    public static IReadOnlyList<string> Encodings { get; } = ["o200k_base", "cl100k_base", "gpt2"];

    private static readonly ConcurrentDictionary<string, Lazy<TokenCounter>> Shared = new(StringComparer.Ordinal);

    private readonly Tokenizer _tokenizer;

    /// <summary>
    /// The piece tables (only o200k_base text is cut into pieces here), one for each thread counting
    /// at a time: kept across batches, so that a table stays warm while the pool's threads come and go.
    /// </summary>
    private readonly ConcurrentBag<PieceCountCache> _pieceCounts = [];

    /// <summary>The special tokens (such as &lt;|endoftext|&gt;), each one token wherever it stands, as the library counts them.</summary>
    private readonly string[] _specials;

    /// <summary>Whether <see cref="O200kPieces"/> splits this encoding's text.</summary>
    private readonly bool _ownPieces;

    /// <summary>Whether special tokens are found here (all spelled "&lt;|…"), not left to the library.</summary>
    private readonly bool _ownSpecials;

    private TokenCounter(string encoding)
    {
        Encoding = encoding;
        // GPT-2's encoding is reached through its model name (its data package holds gpt2.tiktoken).
        var tokenizer = encoding == "gpt2" ? TiktokenTokenizer.CreateForModel("gpt2") : TiktokenTokenizer.CreateForEncoding(encoding);
        _tokenizer = tokenizer;
        _specials = [.. (tokenizer.SpecialTokens?.Keys ?? []).Order(StringComparer.Ordinal)];
        _ownSpecials = _specials.All(s => s.StartsWith("<|", StringComparison.Ordinal));
        _ownPieces = encoding == "o200k_base" && _ownSpecials;
    }

    /// <summary>The encoding's name, as stats.json reports it.</summary>
    public string Encoding { get; }

    /// <summary>The shared counter of <paramref name="encoding"/> (one of <see cref="Encodings"/>).</summary>
    public static TokenCounter For(string encoding)
    {
        if (!Encodings.Contains(encoding, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown tokenizer '{encoding}': use {string.Join(", ", Encodings)}");
        }

        return Shared.GetOrAdd(encoding, e => new Lazy<TokenCounter>(() => new TokenCounter(e))).Value;
    }

    /// <summary>The number of tokens of <paramref name="text"/>, as Microsoft.ML.Tokenizers counts them (a special token's spelling is one token).</summary>
    public int Count(string text) => Count(text.AsSpan());

    private int Count(ReadOnlySpan<char> text)
    {
        var counts = RentPieceCounts();
        try
        {
            return Count(text, counts);
        }
        finally
        {
            ReturnPieceCounts(counts);
        }
    }

    /// <summary>
    /// <see cref="Count(string)"/> with one thread's piece counts (<see cref="RentPieceCounts"/>,
    /// taken once for many texts rather than for each).
    /// </summary>
    internal int Count(ReadOnlySpan<char> text, PieceCountCache? counts) =>
        text.Length == 0 ? 0 : _ownSpecials ? CountBetweenSpecials(text, counts) : _tokenizer.CountTokens(text);

    /// <summary>
    /// One for each special token, and the count of the text between them: the library's own count
    /// of a special token drifts (1, then 7 once its piece cache has turned over), so a count would
    /// depend on what the process counted before, and on the threads' order.
    /// </summary>
    private int CountBetweenSpecials(ReadOnlySpan<char> text, PieceCountCache? counts)
    {
        var total = 0;
        var start = 0;
        while (true)
        {
            var special = NextSpecial(text, start, out var length);
            var segment = text[start..(special < 0 ? text.Length : special)];
            if (segment.Length > 0)
            {
                total += counts is not null ? CountByPieces(segment, counts) : _tokenizer.CountTokens(segment);
            }

            if (special < 0)
            {
                return total;
            }

            total++;
            start = special + length;
        }
    }

    /// <summary>
    /// The library's count of text without special tokens, faster: it is split into the encoding's
    /// pieces by a scan (<see cref="AsciiPieceBlock"/> where it decides, <see cref="O200kPieces"/>
    /// elsewhere) rather than its regex, and a table remembers each piece's count, so a word seen
    /// before costs a lookup instead of a regex match and a byte-pair merge. The library counts each
    /// piece on its own too, so the sum is its count of the whole text.
    /// </summary>
    private int CountByPieces(ReadOnlySpan<char> segment, PieceCountCache counts)
    {
        var total = 0;
        var block = new AsciiPieceBlock(segment);
        for (var i = 0; i < segment.Length;)
        {
            // Most pieces are found 64 characters at a time and looked up by their packed
            // characters; a piece the block does not decide takes the general way.
            block.Load(i);
            var k = 0;
            var starts = block.DecidedStarts;
            if (starts != 0)
            {
                // The pieces whose starts the block found at once: a step per piece with no branch
                // on what kind of piece it is (the per-piece way below mispredicts the kind).
                for (starts &= starts - 1; starts != 0; starts &= starts - 1)
                {
                    var next = BitOperations.TrailingZeroCount(starts);
                    total += CountPacked(segment, i, block, k, next - k, counts);
                    k = next;
                }
            }

            for (int length; k < AsciiPieceBlock.Size && (length = block.PieceLength(k)) > 0; k += length)
            {
                total += CountPacked(segment, i, block, k, length, counts);
            }

            if (k == 0)
            {
                k = O200kPieces.Next(segment, i) - i;
                total += CountPiece(counts, segment.Slice(i, k));
            }

            i += k;
        }

        return total;
    }

    /// <summary>The count of the block's piece of <paramref name="length"/> characters at <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CountPacked(ReadOnlySpan<char> segment, int i, in AsciiPieceBlock block, int k, int length, PieceCountCache counts)
    {
        if (length > PackedPiece.MaxLength)
        {
            return CountPiece(counts, segment.Slice(i + k, length));
        }

        var packed = block.Pack(k, length);
        if (!counts.TryGet(packed, PieceCountCache.SlotOf(packed), out var n))
        {
            n = _tokenizer.CountTokens(segment.Slice(i + k, length));
            counts.Add(packed, n);
        }

        return n;
    }

    /// <summary>The count of a piece found by <see cref="O200kPieces.Next"/>, or too long to pack.</summary>
    private int CountPiece(PieceCountCache counts, ReadOnlySpan<char> piece)
    {
        if (piece.Length > PieceCountCache.MaxPieceLength)
        {
            return _tokenizer.CountTokens(piece);
        }

        if (!counts.TryGet(piece, out var n, out var hash))
        {
            n = _tokenizer.CountTokens(piece);
            counts.Add(piece, hash, n);
        }

        return n;
    }

    /// <summary>Where the next special token's spelling starts at or after <paramref name="from"/>; -1 if none.</summary>
    private int NextSpecial(ReadOnlySpan<char> text, int from, out int length)
    {
        // Every special token starts "<|". A search for the one character is the runtime's
        // fastest scan; '<' is rare in text, so checking the next character by hand costs little.
        length = 0;
        for (var position = from; position < text.Length; position++)
        {
            var at = text[position..].IndexOf('<');
            if (at < 0)
            {
                return -1;
            }

            position += at;
            if (position + 1 < text.Length && text[position + 1] == '|')
            {
                foreach (var special in _specials)
                {
                    if (text[position..].StartsWith(special, StringComparison.Ordinal))
                    {
                        length = special.Length;
                        return position;
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// What a serializing loop calls on each slice of <paramref name="documents"/> it is about to
    /// write (<see cref="CountRange"/>), counted just before: no loop of its own, and the text is
    /// still in cache. Null without a tokenizer.
    /// </summary>
    internal static Action<int, int>? RangeCounter(string? tokenizer, Document?[] documents, bool final)
    {
        if (tokenizer is null)
        {
            return null;
        }

        var counter = For(tokenizer);
        return (from, to) => counter.CountRange(documents, from, to, final);
    }

    /// <summary>
    /// Counts the tokens of the documents in [<paramref name="from"/>, <paramref name="to"/>) about
    /// to be written whose text has not been counted: removed ones, and kept ones when
    /// <paramref name="final"/> (their text will not change again). One thread's share of a batch:
    /// the writer counts a chunk right before it serializes it, in the same parallel loop.
    /// </summary>
    internal void CountRange(Document?[] documents, int from, int to, bool final)
    {
        var counts = RentPieceCounts();
        try
        {
            for (var i = from; i < to; i++)
            {
                if (documents[i] is { } document && !document.TokensCounted && (final || document.IsRemoved))
                {
                    document.Tokens = CountDocument(document, counts);
                }
            }
        }
        finally
        {
            ReturnPieceCounts(counts);
        }
    }

    /// <summary>
    /// A text still in its JSON form (a spill record read back) is decoded into a pooled buffer
    /// rather than into a string kept on the document: nothing reads it after the count. The token
    /// is one this program read and checked, or wrote (<see cref="JsonSpans.Unescape"/>).
    /// </summary>
    private int CountDocument(Document document, PieceCountCache? counts)
    {
        if (document.IsTextDecoded || document.RawTextJson.Length < 2)
        {
            return Count(document.Text, counts);
        }

        var content = document.RawTextJson.Span[1..^1];
        var buffer = ArrayPool<char>.Shared.Rent(content.Length);
        try
        {
            return Count(buffer.AsSpan(0, JsonSpans.Unescape(content, buffer, strict: false, out _)), counts);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A thread's piece counts, to give back with <see cref="ReturnPieceCounts"/> (null where the counter keeps none).</summary>
    internal PieceCountCache? RentPieceCounts() =>
        !_ownPieces ? null : _pieceCounts.TryTake(out var counts) ? counts : new PieceCountCache();

    internal void ReturnPieceCounts(PieceCountCache? counts)
    {
        if (counts is not null)
        {
            _pieceCounts.Add(counts);
        }
    }
}
