namespace Winnow.Synth;

/// <summary>
/// Derives copies from a rendered original: re-hosting on another site with structural and word edits, or
/// whitespace/case/punctuation-only touches. Boilerplate paragraphs are never edited, so every occurrence of one
/// stays byte-identical and countable.
/// </summary>
internal static class CopyEditor
{
    /// <summary>Syndicated copy or far variant of <paramref name="original"/> written into <paramref name="copy"/>.</summary>
    public static void Derive(DocModel original, in DocPlan plan, DocModel copy, List<SynthBlock> content, ref SynthRng rng, ref DocTruth truth)
    {
        var sites = SynthCatalog.Instance.Sites;
        copy.Clear();
        copy.Site = (original.Site + plan.SiteShift) % sites.Length;
        // A far variant is a rewrite by another outlet's staff: new byline, no promos, headline edited too.
        bool rewrite = plan.Kind == DocKind.FarVariant;
        var authors = sites[copy.Site].Authors;
        copy.Author = rewrite ? authors[rng.NextInt(authors.Count)] : original.Author;
        copy.Day = original.Day + plan.DayShift;
        copy.Section = rng.NextInt(sites[copy.Site].Sections.Length);
        ArticleComposer.AddChrome(copy, sites[copy.Site], ref rng);

        content.Clear();
        foreach (ref readonly var block in original.Blocks)
        {
            if (block.Role != BlockRole.Chrome && !(rewrite && block.Role == BlockRole.Promo))
            {
                content.Add(block);
            }
        }

        for (int d = 0; d < plan.Drops && CountContent(content) > 1; d++)
        {
            content.RemoveAt(NthContent(content, rng.NextInt(CountContent(content))));
            truth.ParagraphsDropped++;
        }

        for (int s = 0; s < plan.Swaps && CountContent(content) > 1; s++)
        {
            int a = NthContent(content, rng.NextInt(CountContent(content) - 1));
            int b = NthContent(content, ContentRank(content, a) + 1);
            (content[a], content[b]) = (content[b], content[a]);
            truth.ParagraphsSwapped++;
        }

        if (plan.KeepFraction < 1.0)
        {
            truth.TruncatedFraction = Truncate(original, content, plan.KeepFraction);
        }

        truth.WordEditRate = plan.WordEditRate;
        int at = ArticleComposer.CountLeadingChrome(copy);
        foreach (var block in content)
        {
            if (block.IsBoilerplate)
            {
                copy.InsertBlock(at++, block);
                continue;
            }

            double rate = block.Role == BlockRole.Title && !rewrite ? 0 : plan.WordEditRate;
            int start = copy.TokenCount;
            for (int t = block.Start; t < block.Start + block.Length; t++)
            {
                truth.WordsEdited += EditToken(original.Token(t), copy, rate, isLast: t == block.Start + block.Length - 1, ref rng);
            }

            copy.InsertBlock(at++, SynthBlock.ForTokens(block.Role, start, copy.TokenCount - start) with { StraightQuotes = block.StraightQuotes });
        }
    }

    /// <summary>Adds whitespace, case or punctuation touches to body tokens; word tokens stay the same.</summary>
    public static int TouchUp(DocModel copy, int edits, ref SynthRng rng)
    {
        int done = 0;
        for (int attempt = 0; done < edits && attempt < edits * 20; attempt++)
        {
            ref var block = ref copy.Block(rng.NextInt(copy.BlockCount));
            if (!block.IsContent || block.Length < 2)
            {
                continue;
            }

            int index = block.Start + 1 + rng.NextInt(block.Length - 1);
            ref var token = ref copy.Token(index);
            int what = rng.NextInt(3);
            if (what == 0 && (token.Flags & TokenFlags.ExtraSpace) == 0)
            {
                token.Flags |= TokenFlags.ExtraSpace;
            }
            else if (what == 1 && (token.Flags & (TokenFlags.Upper | TokenFlags.Lower)) == 0 && token.Kind is TokenKind.Word or TokenKind.Name)
            {
                token.Flags |= (token.Flags & TokenFlags.Capital) != 0 || token.Kind == TokenKind.Name ? TokenFlags.Lower : TokenFlags.Upper;
            }
            else if (what == 2 && token.Post is TokenMark.None or TokenMark.Comma && !token.IsSentenceEnd)
            {
                token.Post = token.Post == TokenMark.None ? TokenMark.Comma : TokenMark.None;
            }
            else
            {
                continue;
            }

            done++;
        }

        return done;
    }

    private static int EditToken(SynthToken token, DocModel copy, double rate, bool isLast, ref SynthRng rng)
    {
        if (rate <= 0 || !rng.Chance(rate))
        {
            copy.AddToken(token);
            return 0;
        }

        double op = rng.NextDouble();
        if (op < 0.2 && token.IsPlain && !isLast)
        {
            return 1;
        }

        if (op < 0.4)
        {
            copy.AddToken(token);
            token = new SynthToken(TokenKind.Word, Vocabulary.Instance.Zipf.Sample(ref rng));
            copy.AddToken(token);
            return 1;
        }

        token.Value = PassageInjector.DifferentWord(ref rng, token.Kind == TokenKind.Word ? token.Value : -1);
        token.Kind = TokenKind.Word;
        copy.AddToken(token);
        return 1;
    }

    /// <summary>Cuts content at a sentence end so about <paramref name="keep"/> of its tokens remain; returns the share cut.</summary>
    private static double Truncate(DocModel original, List<SynthBlock> content, double keep)
    {
        int total = 0;
        foreach (var block in content)
        {
            total += block.IsContent ? block.Length : 0;
        }

        int budget = (int)(total * keep);
        int kept = 0;
        for (int b = 0; b < content.Count; b++)
        {
            var block = content[b];
            if (!block.IsContent)
            {
                continue;
            }

            if (kept >= budget)
            {
                content.RemoveAt(b--);
                continue;
            }

            if (kept + block.Length > budget)
            {
                int end = block.Start + (budget - kept) - 1;
                while (end < block.Start + block.Length - 1 && !original.Token(end).IsSentenceEnd)
                {
                    end++;
                }

                block.Length = end - block.Start + 1;
                content[b] = block;
            }

            kept += block.Length;
        }

        return total == 0 ? 0 : 1.0 - ((double)kept / total);
    }

    private static int CountContent(List<SynthBlock> blocks)
    {
        int count = 0;
        foreach (var block in blocks)
        {
            count += block.IsContent ? 1 : 0;
        }

        return count;
    }

    private static int NthContent(List<SynthBlock> blocks, int n)
    {
        for (int b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].IsContent && n-- == 0)
            {
                return b;
            }
        }

        throw new InvalidOperationException("Content paragraph out of range.");
    }

    private static int ContentRank(List<SynthBlock> blocks, int index)
    {
        int rank = 0;
        for (int b = 0; b < index; b++)
        {
            rank += blocks[b].IsContent ? 1 : 0;
        }

        return rank;
    }
}
