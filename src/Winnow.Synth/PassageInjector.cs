namespace Winnow.Synth;

/// <summary>
/// Quotes a run of whole sentences from one article inside another. The span is chosen from the source's body
/// tokens and the source's own plan only, so it comes out the same whether or not the source is fully rendered.
/// </summary>
internal static class PassageInjector
{
    /// <summary>Longest passage in tokens; a single longer sentence is never split.</summary>
    public const int MaxWords = 300;

    /// <summary>Body paragraph after which a planned passage goes, or -1 when the article has none.</summary>
    public static int InsertAfter(in DocPlan plan, DocModel model)
    {
        int bodies = CountBodies(model);
        return plan.PassageSource < 0 || bodies == 0 ? -1 : Math.Min(bodies - 1, (int)(plan.PassageInsert * bodies));
    }

    /// <summary>
    /// First and last token of the quoted sentences in <paramref name="source"/>. Never crosses the point where the
    /// source carries its own passage, because there the source's text is not contiguous.
    /// </summary>
    public static (int First, int Last) SelectSpan(DocModel source, int sourceInsertAfter, in DocPlan plan, List<(int Start, int End, int Run)> sentences)
    {
        sentences.Clear();
        int body = 0;
        foreach (ref readonly var block in source.Blocks)
        {
            if (block.Role != BlockRole.Body)
            {
                continue;
            }

            int run = sourceInsertAfter >= 0 && body > sourceInsertAfter ? 1 : 0;
            int start = block.Start;
            for (int t = block.Start; t < block.Start + block.Length; t++)
            {
                if (source.Token(t).IsSentenceEnd || t == block.Start + block.Length - 1)
                {
                    sentences.Add((start, t, run));
                    start = t + 1;
                }
            }

            body++;
        }

        int first = Math.Min(sentences.Count - 1, (int)(plan.PassageStart * sentences.Count));
        int last = first;
        int words = sentences[first].End - sentences[first].Start + 1;
        while (words < plan.PassageWords && last + 1 < sentences.Count && sentences[last + 1].Run == sentences[first].Run
            && words + Length(sentences[last + 1]) <= MaxWords)
        {
            last++;
            words += sentences[last].End - sentences[last].Start + 1;
        }

        while (words < plan.PassageWords && first > 0 && sentences[first - 1].Run == sentences[last].Run
            && words + Length(sentences[first - 1]) <= MaxWords)
        {
            first--;
            words += sentences[first].End - sentences[first].Start + 1;
        }

        return (sentences[first].Start, sentences[last].End);
    }

    /// <summary>Appends the edited passage to <paramref name="target"/> and returns its block index.</summary>
    public static int Inject(DocModel target, DocModel source, (int First, int Last) span, in DocPlan plan, ref SynthRng rng, ref PassageTruth truth)
    {
        int start = target.TokenCount;
        bool hasQuotes = false;
        for (int t = span.First; t <= span.Last; t++)
        {
            var token = source.Token(t);
            hasQuotes |= token.Pre == TokenMark.OpenQuote;

            // Only plain words are swapped, so source and target keep the same number of word tokens.
            if (token.Kind == TokenKind.Word && plan.PassageEditRate > 0 && rng.Chance(plan.PassageEditRate))
            {
                token.Value = DifferentWord(ref rng, token.Value);
                truth.WordsEdited++;
            }

            target.AddToken(token);
        }

        var block = SynthBlock.ForTokens(BlockRole.Passage, start, target.TokenCount - start);
        truth.Quotes = plan.PassageQuotes;
        if (plan.PassageQuotes == 1)
        {
            // Straightening is only an edit when there are quote marks to straighten.
            block.StraightQuotes = true;
            truth.Quotes = hasQuotes ? 1 : 0;
        }
        else if (plan.PassageQuotes == 2)
        {
            ref var last = ref target.Token(target.TokenCount - 1);
            var closed = last.Post switch
            {
                TokenMark.Period => TokenMark.PeriodCloseQuote,
                TokenMark.Question => TokenMark.QuestionCloseQuote,
                TokenMark.Exclaim => TokenMark.ExclaimCloseQuote,
                _ => TokenMark.None,
            };
            if (hasQuotes || closed == TokenMark.None)
            {
                truth.Quotes = 0;
            }
            else
            {
                last.Post = closed;
                target.Token(start).Pre = TokenMark.OpenQuote;
            }
        }

        int after = InsertAfter(plan, target);
        int at = BodyBlockIndex(target, after) + 1;
        target.InsertBlock(at, block);
        return at;
    }

    private static int Length((int Start, int End, int Run) sentence) => sentence.End - sentence.Start + 1;

    public static int DifferentWord(ref SynthRng rng, int current)
    {
        int word;
        do
        {
            word = Vocabulary.Instance.Zipf.Sample(ref rng);
        }
        while (word == current);
        return word;
    }

    private static int CountBodies(DocModel model)
    {
        int count = 0;
        foreach (ref readonly var block in model.Blocks)
        {
            count += block.Role == BlockRole.Body ? 1 : 0;
        }

        return count;
    }

    private static int BodyBlockIndex(DocModel model, int body)
    {
        for (int b = 0; b < model.BlockCount; b++)
        {
            if (model.Block(b).Role == BlockRole.Body && body-- == 0)
            {
                return b;
            }
        }

        throw new InvalidOperationException("Body paragraph out of range.");
    }
}
