namespace Winnow.Text.English;

/// <summary>
/// Splits text into tokens exactly as spaCy's blank English pipeline does (<c>spacy.blank("en")</c>, the
/// tokenizer DataTrove's filters count words with): text is cut into runs of whitespace and of other
/// characters; a single ' ' after a token belongs to it, any other whitespace run is a token of its own.
/// Each other run is looked up among the exceptions (<see cref="EnglishExceptions"/>); otherwise
/// prefixes and suffixes are cut off one at a time (<see cref="EnglishAffixes"/>), stopping early when
/// what remains is an exception; what is left is kept whole when it is an exception or a URL
/// (<see cref="UrlShape"/>), else split at its infixes. Last, adjacent tokens that together spell an
/// exception whose own affixes would have split it are merged back (spaCy's special-case matcher).
/// </summary>
/// <remarks>
/// Tokens are reported as spans to a struct sink, so nothing is allocated per token; a chunk of more
/// than one token goes through a per-thread buffer. Stateless apart from that buffer; thread-safe.
/// </remarks>
internal static partial class EnglishTokenizer
{
    private static readonly System.Buffers.SearchValues<char> InfixAscii = System.Buffers.SearchValues.Create(".,+-*^:<>=/~");

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Reports every token of <paramref name="text"/> to <paramref name="sink"/>, whitespace tokens included.</summary>
    public static void Tokenize<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITokenSink, allows ref struct
    {
        if (text.IsEmpty)
        {
            return;
        }

        // Runs of whitespace and of the rest; runs are short (a word), so a plain scan beats a vectorized search.
        var inSpace = PythonStrings.IsSpace(text[0]);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c is <= ' ' or >= '\u0085' && PythonStrings.IsSpace(c)) == inSpace)
            {
                continue;
            }

            if (start < i)
            {
                Run(text, start, i, inSpace, ref sink);
            }

            // Entering whitespace at a ' ': that space is the previous token's trailing space.
            start = text[i] == ' ' ? i + 1 : i;
            inSpace = !inSpace;
        }

        if (start < text.Length)
        {
            Run(text, start, text.Length, inSpace, ref sink);
        }
    }

    /// <summary>The number of tokens that are not whitespace, as DataTrove's word tokenizer returns them.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var counter = default(WordCounter);
        Tokenize(text, ref counter);
        return counter.Count;
    }

    private static void Run<TSink>(ReadOnlySpan<char> text, int start, int end, bool space, ref TSink sink)
        where TSink : struct, ITokenSink, allows ref struct
    {
        if (space)
        {
            sink.Add(start, end - start, true);
            return;
        }

        var rules = Rules.Instance;
        var chunk = text[start..end];
        var special = rules.Specials.Find(chunk);
        if (special >= 0)
        {
            rules.EmitSpecial(special, start, ref sink);
            return;
        }

        if (IsLettersOnly(chunk))
        {
            // Letters alone have no prefix, suffix, infix or URL shape.
            sink.Add(start, end - start, false);
            return;
        }

        var buffer = ChunkBuffer.ForThread();
        buffer.Clear();
        Split(text, start, end, rules, useSpecials: true, buffer);
        if (buffer.Count > 1)
        {
            rules.MergePatterns(text, buffer);
        }

        for (var t = 0; t < buffer.Count; t++)
        {
            sink.Add(buffer.Starts[t], buffer.Lengths[t], false);
        }
    }

    /// <summary>
    /// True when every character is a letter or a combining mark: no affix, infix or URL rule can apply,
    /// since each needs punctuation, a symbol, a digit or a dot.
    /// </summary>
    private static bool IsLettersOnly(ReadOnlySpan<char> chunk)
    {
        if (!chunk.ContainsAnyExcept(AsciiLetters))
        {
            return true;
        }

        foreach (var c in chunk)
        {
            if (c < 128 ? !char.IsAsciiLetter(c) : char.IsSurrogate(c) || (!char.IsLetter(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>spaCy's _split_affixes and _attach_tokens on text[start, end), tokens appended to <paramref name="buffer"/>.</summary>
    private static void Split(ReadOnlySpan<char> text, int start, int end, Rules rules, bool useSpecials, ChunkBuffer buffer)
    {
        var lo = start;
        var hi = end;
        var lastSize = 0;
        buffer.Suffixes = 0;
        while (hi > lo && hi - lo != lastSize)
        {
            if (useSpecials && (lo != start || hi != end) && rules.Specials.Find(text[lo..hi]) >= 0)
            {
                break;
            }

            lastSize = hi - lo;
            var pre = EnglishAffixes.PrefixLength(text[lo..hi]);
            if (pre != 0 && useSpecials && lo + pre < hi && rules.Specials.Find(text[(lo + pre)..hi]) >= 0)
            {
                buffer.Add(lo, pre);
                lo += pre;
                break;
            }

            var suf = EnglishAffixes.SuffixLength(text[(lo + pre)..hi]);
            if (suf != 0 && useSpecials && hi - suf > lo && rules.Specials.Find(text[lo..(hi - suf)]) >= 0)
            {
                buffer.PushSuffix(hi - suf, suf);
                hi -= suf;
                break;
            }

            if (pre != 0)
            {
                buffer.Add(lo, pre);
                lo += pre;
            }

            if (suf != 0)
            {
                buffer.PushSuffix(hi - suf, suf);
                hi -= suf;
            }
        }

        if (hi > lo)
        {
            Middle(text, lo, hi, rules, useSpecials, buffer);
        }

        buffer.PopSuffixes();
    }

    /// <summary>What is left between the prefixes and suffixes: an exception, a URL, or split at its infixes.</summary>
    private static void Middle(ReadOnlySpan<char> text, int lo, int hi, Rules rules, bool useSpecials, ChunkBuffer buffer)
    {
        var middle = text[lo..hi];
        var special = useSpecials ? rules.Specials.Find(middle) : -1;
        if (special >= 0)
        {
            rules.AddSpecial(special, lo, buffer);
            return;
        }

        if (UrlShape.IsUrl(middle))
        {
            buffer.Add(lo, hi - lo);
            return;
        }

        // Every infix rule needs one of these characters, or a character beyond ASCII (…, –, —, icons).
        if (!middle.ContainsAny(InfixAscii) && !middle.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            buffer.Add(lo, hi - lo);
            return;
        }

        var done = 0;
        var from = 0;
        int at;
        while ((at = EnglishAffixes.NextInfix(middle, from, out var infixEnd)) >= 0)
        {
            from = infixEnd;
            if (at == 0)
            {
                continue; // spaCy ignores an infix at the very start
            }

            if (at != done)
            {
                buffer.Add(lo + done, at - done);
            }

            buffer.Add(lo + at, infixEnd - at);
            done = infixEnd;
        }

        if (done < middle.Length)
        {
            buffer.Add(lo + done, middle.Length - done);
        }
    }

    private struct WordCounter : ITokenSink
    {
        public int Count;

        public void Add(int start, int length, bool space)
        {
            if (!space)
            {
                Count++;
            }
        }
    }
}
