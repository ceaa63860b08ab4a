namespace Winnow.Text.English;

/// <summary>
/// spaCy's rule-based sentencizer (spacy/pipeline/sentencizer.pyx) over <see cref="EnglishTokenizer"/>'s
/// tokens: a token that is one of its sentence-final characters (Unicode's Sentence_Terminal as of
/// Unicode 11: . ! ? and their counterparts in other scripts) ends a sentence once the next token that
/// is neither punctuation (every character in a P* category) nor such a character begins. This is how
/// DataTrove's C4 filter counts sentences.
/// </summary>
/// <remarks>Stateless, thread-safe.</remarks>
internal static class EnglishSentencizer
{
    /// <summary>The number of sentences in <paramref name="text"/> (0 for an empty text), and in <paramref name="words"/> its tokens that are not whitespace.</summary>
    public static int Count(ReadOnlySpan<char> text, out int words)
    {
        var counter = new SentenceCounter(text);
        EnglishTokenizer.Tokenize(text, ref counter);
        words = counter.Words;
        return counter.Sentences;
    }

    /// <summary>The number of sentences in <paramref name="text"/> (0 for an empty text).</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        // A new sentence needs a sentence-final token followed by one that is not punctuation: a line whose
        // sentence-final characters all sit in its closing run of punctuation is one sentence, untokenized.
        var body = text.TrimEnd();
        while (!body.IsEmpty && char.IsPunctuation(body[^1]))
        {
            body = body[..^1];
        }

        if (!text.IsWhiteSpace() && !HasSentenceEnd(body) && !body.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return 1;
        }

        var counter = new SentenceCounter(text);
        EnglishTokenizer.Tokenize(text, ref counter);
        return counter.Sentences;
    }

    private static bool HasSentenceEnd(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if ((EnglishCharClasses.Of(c) & EnglishCharClasses.SentenceEnd) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private ref struct SentenceCounter : ITokenSink
    {
        private readonly ReadOnlySpan<char> _text;
        private bool _seenEnd;

        public SentenceCounter(ReadOnlySpan<char> text) => _text = text;

        public int Sentences { get; private set; }

        public int Words { get; private set; }

        public void Add(int start, int length, bool space)
        {
            if (!space)
            {
                Words++;
            }

            if (Sentences == 0)
            {
                Sentences = 1;
            }

            var token = _text.Slice(start, length);
            var isEnd = !space && IsSentenceEnd(token);
            if (_seenEnd && !isEnd && (space || !PythonStrings.IsAllPunctuation(token)))
            {
                Sentences++;
                _seenEnd = false;
            }
            else if (isEnd)
            {
                _seenEnd = true;
            }
        }

        private static bool IsSentenceEnd(ReadOnlySpan<char> token)
        {
            var flags = EnglishCharClasses.At(token, 0, out var width);
            return width == token.Length && (flags & EnglishCharClasses.SentenceEnd) != 0;
        }
    }
}
