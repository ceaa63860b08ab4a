namespace Winnow.Synth;

/// <summary>
/// Writes the original form of article <c>index</c> (chrome, headline, body, promos; no quoted passage) from the
/// content stream of (seed, index). Any worker can regenerate any article this way, so copies never need the
/// original kept in memory.
/// </summary>
internal static class ArticleComposer
{
    private const int TopicWords = 8;
    private const int SpeechVerbRank = 25;

    public static void Compose(ulong seed, long index, double promoRate, DocModel model)
    {
        var rng = new SynthRng(seed, index, SynthStream.Content);
        var catalog = SynthCatalog.Instance;
        model.Clear();

        // A few sites and a few authors per site publish most articles, as on the real web.
        int site = (int)(catalog.Sites.Length * Math.Pow(rng.NextDouble(), 1.4));
        var siteInfo = catalog.Sites[site];
        int author = siteInfo.Authors[(int)(siteInfo.Authors.Count * Math.Pow(rng.NextDouble(), 1.8))];
        model.Site = site;
        model.Author = author;
        model.Day = 4750 + rng.NextInt(3900);
        model.Section = rng.NextInt(siteInfo.Sections.Length);

        Span<int> topic = stackalloc int[TopicWords];
        for (int k = 0; k < topic.Length; k++)
        {
            topic[k] = rng.Between(150, 3000);
        }

        Span<int> people = stackalloc int[4];
        for (int k = 0; k < people.Length; k++)
        {
            people[k] = rng.NextInt(Vocabulary.NameCount);
        }

        AddChrome(model, siteInfo, ref rng);

        int titleStart = model.TokenCount;
        int titleWords = rng.Between(4, 10);
        for (int w = 0; w < titleWords; w++)
        {
            model.AddToken(new SynthToken(TokenKind.Word, NextWord(ref rng, topic, 0.25)) { Flags = TokenFlags.Capital });
        }

        model.InsertBlock(CountLeadingChrome(model), SynthBlock.ForTokens(BlockRole.Title, titleStart, titleWords));
        int bodyAt = CountLeadingChrome(model) + 1;

        int paragraphs = rng.Between(4, 9);
        for (int p = 0; p < paragraphs; p++)
        {
            int start = model.TokenCount;
            int sentences = rng.Between(2, 5);
            for (int s = 0; s < sentences; s++)
            {
                AddSentence(model, ref rng, topic, people);
            }

            model.InsertBlock(bodyAt++, SynthBlock.ForTokens(BlockRole.Body, start, model.TokenCount - start));
        }

        foreach (int promo in catalog.Authors[author].PromoIds)
        {
            if (rng.Chance(promoRate))
            {
                model.InsertBlock(bodyAt++, SynthBlock.ForBoilerplate(BlockRole.Promo, promo));
            }
        }
    }

    /// <summary>Header paragraphs then footer paragraphs of a site; the caller inserts content between them.</summary>
    public static void AddChrome(DocModel model, SynthSite site, ref SynthRng rng)
    {
        model.AddBlock(SynthBlock.ForBoilerplate(BlockRole.Chrome, site.HeaderIds[0]));
        for (int h = 1; h < site.HeaderIds.Length; h++)
        {
            if (rng.Chance(0.35))
            {
                model.AddBlock(SynthBlock.ForBoilerplate(BlockRole.Chrome, site.HeaderIds[h]));
            }
        }

        model.AddBlock(SynthBlock.ForBoilerplate(BlockRole.Chrome, site.FooterIds[0]));
        for (int f = 1; f < site.FooterIds.Length; f++)
        {
            if (rng.Chance(0.3))
            {
                model.AddBlock(SynthBlock.ForBoilerplate(BlockRole.Chrome, site.FooterIds[f]));
            }
        }
    }

    /// <summary>Number of header paragraphs: chrome blocks before the first footer id of the site.</summary>
    public static int CountLeadingChrome(DocModel model)
    {
        var headers = SynthCatalog.Instance.Sites[model.Site].HeaderIds;
        int count = 0;
        while (count < model.BlockCount && model.Block(count).Role == BlockRole.Chrome && Array.IndexOf(headers, model.Block(count).Boilerplate) >= 0)
        {
            count++;
        }

        return count;
    }

    public static int NextWord(ref SynthRng rng, ReadOnlySpan<int> topic, double topicRate) =>
        rng.Chance(topicRate) ? topic[rng.NextInt(topic.Length)] : Vocabulary.Instance.Zipf.Sample(ref rng);

    private static void AddSentence(DocModel model, ref SynthRng rng, ReadOnlySpan<int> topic, ReadOnlySpan<int> people)
    {
        int length = (rng.Between(8, 30) + rng.Between(8, 30)) / 2;
        bool quoted = rng.Chance(0.1);
        int first = model.TokenCount;
        for (int w = 0; w < length; w++)
        {
            // One 64-bit draw decides token kind, topic-versus-background word and trailing punctuation.
            ulong bits = rng.Next();
            var token = NextToken(ref rng, bits, topic, people);
            if (w < length - 1 && token.Kind != TokenKind.Date)
            {
                double u = (bits & 0xFFFF) * (1.0 / 65536);
                token.Post = u < 0.06 ? TokenMark.Comma : u < 0.063 ? TokenMark.Colon : u < 0.066 ? TokenMark.Semicolon : TokenMark.None;
            }

            model.AddToken(token);
        }

        ref var head = ref model.Token(first);
        head.Flags |= TokenFlags.Capital;
        ref var last = ref model.Token(model.TokenCount - 1);
        if (quoted)
        {
            head.Pre = TokenMark.OpenQuote;
            last.Post = TokenMark.CommaCloseQuote;
            model.AddToken(new SynthToken(TokenKind.Word, SpeechVerbRank));
            model.AddToken(new SynthToken(TokenKind.Name, people[rng.NextInt(2)]));
            model.AddToken(new SynthToken(TokenKind.Name, people[2 + rng.NextInt(2)]) { Post = TokenMark.Period, Flags = TokenFlags.SentenceEnd });
            return;
        }

        last.Post = rng.Chance(0.04) ? TokenMark.Question : rng.Chance(0.01) ? TokenMark.Exclaim : TokenMark.Period;
        last.Flags |= TokenFlags.SentenceEnd;
    }

    private static SynthToken NextToken(ref SynthRng rng, ulong bits, ReadOnlySpan<int> topic, ReadOnlySpan<int> people)
    {
        double u = (bits >> 40) * (1.0 / (1 << 24));
        if (u < 0.012)
        {
            return new SynthToken(TokenKind.Name, people[rng.NextInt(people.Length)]);
        }

        if (u < 0.032)
        {
            double v = rng.NextDouble();
            return v < 0.55 ? new SynthToken(TokenKind.Number, rng.Between(2, 99) * (rng.Chance(0.3) ? 10 : 1))
                : v < 0.7 ? new SynthToken(TokenKind.Thousands, rng.Between(1000, 99999))
                : v < 0.88 ? new SynthToken(TokenKind.Percent, rng.Between(1, 99))
                : new SynthToken(TokenKind.Date, 4000 + rng.NextInt(9000));
        }

        double t = ((bits >> 16) & 0xFFFFFF) * (1.0 / (1 << 24));
        return new SynthToken(TokenKind.Word, t < 0.07 ? topic[(int)(((bits >> 16) & 0xFF) % (uint)topic.Length)] : Vocabulary.Instance.Zipf.Sample(ref rng));
    }
}
