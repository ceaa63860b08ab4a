using Winnow.Documents;
using Winnow.Filters.DataTrove;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// Gopher's quality rules: document length, mean word length, symbol-to-word ratios, bullet and
/// ellipsis line ratios, alphabetic word fraction and stop words. A removal's reason names the rule
/// ("gopher_quality.word_count") and its detail the measured value and the threshold.
/// </summary>
/// <remarks>Thread-safe: holds only immutable options.</remarks>
public sealed class GopherQualityFilter : DocumentStage
{
    private readonly GopherQualityOptions _options;
    private readonly string[] _stopWords;
    private readonly int _longestStopWord;
    private readonly AsciiWordSet _asciiStopWords;

    /// <summary>Creates the filter; null options mean the paper's values.</summary>
    public GopherQualityFilter(GopherQualityOptions? options = null)
    {
        _options = options ?? new GopherQualityOptions();
        _stopWords = [.. _options.StopWords];
        _longestStopWord = _stopWords.Length == 0 ? 0 : _stopWords.Max(w => w.Length);
        _asciiStopWords = new AsciiWordSet(_stopWords);
    }

    /// <inheritdoc />
    public override string Name => "gopher_quality";

    /// <inheritdoc />
    public override void Process(Document document)
    {
        var check = new RuleCheck(document, Name, _options.Mode);
        if (_options.Compat == FilterCompat.DataTrove)
        {
            DataTroveGopherQuality.Evaluate(document.Text, _options, ref check);
        }
        else
        {
            Evaluate(TextStatistics.For(document.Text), ref check);
        }

        check.Apply();
    }

    private void Evaluate(TextStatistics stats, ref RuleCheck check)
    {
        var o = _options;
        var words = stats.WordCount;
        check.AtLeast("word_count", words, o.MinWords);
        check.AtMost("word_count", words, o.MaxWords);
        if (!check.Open)
        {
            return;
        }

        var perWord = 1.0 / Math.Max(words, 1);
        var letters = stats.WordChars;
        var alphabetic = stats.AlphabeticWords;

        // The paper asks for at least two of the stop words: distinct words, not occurrences (a page
        // repeating one "the" has one). Removing needs only to know whether the minimum is reached.
        var seen = new StopWordsSeen(_stopWords.Length);
        var stopWordsNeeded = o.Mode == FilterMode.Remove && o.MinStopWords is { } least ? least : int.MaxValue;
        var text = stats.Text.AsSpan();
        foreach (var word in stats.Words)
        {
            if (seen.Count >= stopWordsNeeded)
            {
                break;
            }

            if (word.Length <= _longestStopWord)
            {
                seen.Add(StopWordIndex(word.Of(text)));
            }
        }

        var stopWords = seen.Count;

        check.AtLeast("mean_word_length", letters * perWord, o.MinMeanWordLength);
        check.AtMost("mean_word_length", letters * perWord, o.MaxMeanWordLength);
        check.AtMost("hash_word_ratio", text.Count('#') * perWord, o.MaxSymbolWordRatio);
        check.AtMost("ellipsis_word_ratio", (CountOf(text, "...") + text.Count('…')) * perWord, o.MaxSymbolWordRatio);
        if (!check.Open)
        {
            return;
        }

        var bullets = 0;
        var ellipses = 0;
        foreach (var line in stats.Lines)
        {
            var span = line.Of(text).Trim();
            if (LineMarks.StartsWithBullet(span))
            {
                bullets++;
            }

            if (span.EndsWith("...") || span.EndsWith('…'))
            {
                ellipses++;
            }
        }

        var perLine = 1.0 / Math.Max(stats.LineCount, 1);
        check.AtMost("bullet_line_ratio", bullets * perLine, o.MaxBulletLineRatio);
        check.AtMost("ellipsis_line_ratio", ellipses * perLine, o.MaxEllipsisLineRatio);
        check.AtLeast("alphabetic_word_ratio", alphabetic * perWord, o.MinAlphabeticWordRatio);
        check.AtLeast("stop_words", stopWords, o.MinStopWords);
    }

    /// <summary>The index of <paramref name="word"/> among the stop words, ignoring case; -1 when it is not one.</summary>
    private int StopWordIndex(ReadOnlySpan<char> word)
    {
        if (_asciiStopWords.TryIndexOf(word, out var index))
        {
            return index;
        }

        for (var i = 0; i < _stopWords.Length; i++)
        {
            if (word.Equals(_stopWords[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Which stop words occurred: a bit each for the first 64, a set beyond.</summary>
    private struct StopWordsSeen(int words)
    {
        private readonly HashSet<int>? _more = words > 64 ? [] : null;
        private ulong _bits;

        public int Count { get; private set; }

        public void Add(int index)
        {
            if (index < 0)
            {
                return;
            }

            var added = index < 64 ? (_bits & (1UL << index)) == 0 : _more!.Add(index);
            if (index < 64)
            {
                _bits |= 1UL << index;
            }

            if (added)
            {
                Count++;
            }
        }
    }

    internal static int CountOf(ReadOnlySpan<char> text, string value)
    {
        var count = 0;
        int at;
        while ((at = text.IndexOf(value, StringComparison.Ordinal)) >= 0)
        {
            count++;
            text = text[(at + value.Length)..];
        }

        return count;
    }
}
