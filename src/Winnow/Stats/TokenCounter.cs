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
    private readonly Tokenizer _tokenizer;
    private readonly ThreadLocal<PieceCounts>? _pieces;

    private TokenCounter(string encoding)
    {
        Encoding = encoding;
        // GPT-2's encoding is reached through its model name (its data package holds gpt2.tiktoken).
        _tokenizer = encoding == "gpt2" ? TiktokenTokenizer.CreateForModel("gpt2") : TiktokenTokenizer.CreateForEncoding(encoding);
        if (encoding == "o200k_base")
        {
            _pieces = new ThreadLocal<PieceCounts>(() => new PieceCounts(_tokenizer));
        }
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

    /// <summary>The number of tokens of <paramref name="text"/> (special tokens counted as plain text).</summary>
    public int Count(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        // o200k_base: the text is cut as the encoding's pre-tokenizer cuts it (O200kPieces, without
        // its regex), and a piece's count, which depends on the piece alone, is looked up in the
        // thread's table before the library merges its bytes; text repeats its words, so most pieces
        // are found. Text the splitter leaves alone is counted by the library whole.
        if (_pieces is not null)
        {
            var sink = new PieceCounter(_pieces.Value!, text);
            if (O200kPieces.Split(text, ref sink))
            {
                return sink.Total;
            }
        }

        return _tokenizer.CountTokens(text);
    }

    /// <summary>
    /// Counts, in parallel, the tokens of the documents about to be counted: removed ones, and kept
    /// ones when <paramref name="final"/> (their text will not change again).
    /// </summary>
    internal void CountBatch(Document?[] documents, bool final, ParallelOptions parallel) =>
        Parallel.For(0, documents.Length, parallel, i =>
        {
            if (documents[i] is { } document && (final || document.IsRemoved))
            {
                document.Tokens = Count(document.Text);
            }
        });

    private struct PieceCounter(PieceCounts counts, string text) : IPieceSink
    {
        public int Total { get; private set; }

        public void Add(int start, int length) => Total += counts.Count(text.AsSpan(start, length));
    }
}
