using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;
using Winnow.Documents;

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

    [ThreadStatic]
    private static PieceCountCache? _threadPieceCounts; // only o200k_base text is cut into pieces here

    private readonly Tokenizer _tokenizer;

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
    public int Count(string text) => text.Length == 0 ? 0 : _ownSpecials ? CountBetweenSpecials(text) : _tokenizer.CountTokens(text);

    /// <summary>
    /// One for each special token, and the count of the text between them: the library's own count
    /// of a special token drifts (1, then 7 once its piece cache has turned over), so a count would
    /// depend on what the process counted before, and on the threads' order.
    /// </summary>
    private int CountBetweenSpecials(ReadOnlySpan<char> text)
    {
        var total = 0;
        var start = 0;
        while (true)
        {
            var special = NextSpecial(text, start, out var length);
            var segment = text[start..(special < 0 ? text.Length : special)];
            if (segment.Length > 0)
            {
                total += _ownPieces ? CountByPieces(segment) : _tokenizer.CountTokens(segment);
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
    /// pieces by a scan (<see cref="O200kPieces"/>) rather than its regex, and a thread remembers each
    /// piece's count, so a word seen before costs a lookup instead of a regex match and a byte-pair
    /// merge. The library counts each piece on its own too, so the sum is its count of the whole text.
    /// </summary>
    private int CountByPieces(ReadOnlySpan<char> segment)
    {
        var counts = _threadPieceCounts ??= new PieceCountCache();
        var total = 0;
        for (var i = 0; i < segment.Length;)
        {
            var end = O200kPieces.Next(segment, i);
            var piece = segment[i..end];
            int n;
            if (piece.Length > PieceCountCache.MaxPieceLength)
            {
                n = _tokenizer.CountTokens(piece);
            }
            else if (!counts.TryGet(piece, out n, out var hash))
            {
                n = _tokenizer.CountTokens(piece);
                counts.Add(piece, hash, n);
            }

            total += n;
            i = end;
        }

        return total;
    }

    /// <summary>Where the next special token's spelling starts at or after <paramref name="from"/>; -1 if none.</summary>
    private int NextSpecial(ReadOnlySpan<char> text, int from, out int length)
    {
        length = 0;
        for (var at = text[from..].IndexOf("<|", StringComparison.Ordinal); at >= 0;)
        {
            var position = from + at;
            foreach (var special in _specials)
            {
                if (text[position..].StartsWith(special, StringComparison.Ordinal))
                {
                    length = special.Length;
                    return position;
                }
            }

            var next = text[(position + 1)..].IndexOf("<|", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return -1;
    }

    /// <summary>
    /// Counts, in parallel, the tokens of the documents about to be counted whose text has not been
    /// counted: removed ones, and kept ones when <paramref name="final"/> (their text will not change again).
    /// </summary>
    internal void CountBatch(Document?[] documents, bool final, ParallelOptions parallel) =>
        Parallel.For(0, documents.Length, parallel, i =>
        {
            if (documents[i] is { } document && !document.TokensCounted && (final || document.IsRemoved))
            {
                document.Tokens = Count(document.Text);
            }
        });
}
