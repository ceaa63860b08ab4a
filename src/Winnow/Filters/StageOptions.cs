using Winnow.Pii;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>Maps each stage's run-file options (snake_case) to its options record.</summary>
internal static class StageOptions
{
    public static Stage? Build(string name, OptionReader r) => name switch
    {
        "gopher_quality" => GopherQuality(r),
        "gopher_repetition" => GopherRepetition(r),
        "c4" => C4(r),
        "fineweb" => FineWeb(r),
        "language" => Language(r),
        "pii" => Pii(r),
        "chrome" => new Winnow.Cleaning.ChromeCleanerStage(),
        _ => null,
    };

    private static GopherQualityFilter GopherQuality(OptionReader r)
    {
        var d = new GopherQualityOptions();
        return new GopherQualityFilter(new GopherQualityOptions
        {
            Mode = r.Mode(d.Mode),
            Compat = r.Compat(),
            MinWords = r.Int("min_words", d.MinWords),
            MaxWords = r.Int("max_words", d.MaxWords),
            MinMeanWordLength = r.Double("min_mean_word_length", d.MinMeanWordLength),
            MaxMeanWordLength = r.Double("max_mean_word_length", d.MaxMeanWordLength),
            MaxSymbolWordRatio = r.Double("max_symbol_word_ratio", d.MaxSymbolWordRatio),
            MaxBulletLineRatio = r.Double("max_bullet_line_ratio", d.MaxBulletLineRatio),
            MaxEllipsisLineRatio = r.Double("max_ellipsis_line_ratio", d.MaxEllipsisLineRatio),
            MinAlphabeticWordRatio = r.Double("min_alphabetic_word_ratio", d.MinAlphabeticWordRatio),
            MinStopWords = r.Int("min_stop_words", d.MinStopWords),
            StopWords = r.Strings("stop_words", d.StopWords),
        });
    }

    private static GopherRepetitionFilter GopherRepetition(OptionReader r)
    {
        var d = new GopherRepetitionOptions();
        return new GopherRepetitionFilter(new GopherRepetitionOptions
        {
            Mode = r.Mode(d.Mode),
            Compat = r.Compat(),
            MaxDuplicateLineFraction = r.Double("max_duplicate_line_fraction", d.MaxDuplicateLineFraction),
            MaxDuplicateParagraphFraction = r.Double("max_duplicate_paragraph_fraction", d.MaxDuplicateParagraphFraction),
            MaxDuplicateLineCharFraction = r.Double("max_duplicate_line_char_fraction", d.MaxDuplicateLineCharFraction),
            MaxDuplicateParagraphCharFraction = r.Double("max_duplicate_paragraph_char_fraction", d.MaxDuplicateParagraphCharFraction),
            MaxTopNgramCharFraction = r.Doubles("max_top_ngram_char_fraction", d.MaxTopNgramCharFraction, 3),
            MaxDuplicateNgramCharFraction = r.Doubles("max_duplicate_ngram_char_fraction", d.MaxDuplicateNgramCharFraction, 6),
        });
    }

    private static C4Filter C4(OptionReader r)
    {
        var d = new C4Options();
        return new C4Filter(new C4Options
        {
            Mode = r.Mode(d.Mode),
            Compat = r.Compat(),
            DropLinesWithoutTerminalPunctuation = r.Bool("drop_lines_without_terminal_punctuation", d.DropLinesWithoutTerminalPunctuation),
            MinWordsPerLine = r.Int("min_words_per_line", d.MinWordsPerLine),
            MaxWordLength = r.Int("max_word_length", d.MaxWordLength),
            DropJavascriptLines = r.Bool("drop_javascript_lines", d.DropJavascriptLines),
            DropPolicyLines = r.Bool("drop_policy_lines", d.DropPolicyLines),
            RemoveCitations = r.Bool("remove_citations", d.RemoveCitations),
            RemoveLoremIpsum = r.Bool("remove_lorem_ipsum", d.RemoveLoremIpsum),
            RemoveCurlyBrace = r.Bool("remove_curly_brace", d.RemoveCurlyBrace),
            MinSentences = r.Int("min_sentences", d.MinSentences),
        });
    }

    private static FineWebFilter FineWeb(OptionReader r)
    {
        var d = new FineWebOptions();
        return new FineWebFilter(new FineWebOptions
        {
            Mode = r.Mode(d.Mode),
            Compat = r.Compat(),
            MinLinePunctuationRatio = r.Double("min_line_punctuation_ratio", d.MinLinePunctuationRatio),
            MaxShortLineRatio = r.Double("max_short_line_ratio", d.MaxShortLineRatio),
            ShortLineLength = r.Int("short_line_length", d.ShortLineLength),
            MaxDuplicateLineCharRatio = r.Double("max_duplicate_line_char_ratio", d.MaxDuplicateLineCharRatio),
            MaxNewlineWordRatio = r.Double("max_newline_word_ratio", d.MaxNewlineWordRatio),
        });
    }

    private static LanguageFilter Language(OptionReader r)
    {
        var d = new LanguageFilterOptions();
        var profiles = r.String("profiles", d.ProfileDirectory);
        var identifier = Winnow.Language.LanguageIdentifier.Load(profiles);
        return new LanguageFilter(
            new LanguageFilterOptions
            {
                Mode = r.Mode(d.Mode),
                Languages = r.Strings("languages", d.Languages, code => LanguageFilter.Check(code, identifier.Languages)),
                MinScore = r.Double("min_score", d.MinScore),
                ProfileDirectory = profiles,
            },
            identifier);
    }

    private static PiiStage Pii(OptionReader r)
    {
        var d = new PiiOptions();
        var kinds = r.Strings("kinds", ["email", "phone", "ip_address", "card_number", "iban"]);
        var mask = PiiKind.None;
        foreach (var kind in kinds)
        {
            mask |= kind switch
            {
                "email" => PiiKind.Email,
                "phone" => PiiKind.Phone,
                "ip_address" => PiiKind.IpAddress,
                "card_number" => PiiKind.CardNumber,
                "iban" => PiiKind.Iban,
                _ => throw new FilterConfigException($"pii: unknown kind '{kind}' (known: email, phone, ip_address, card_number, iban)"),
            };
        }

        return new PiiStage(new PiiOptions { Mode = r.Mode(d.Mode), Kinds = mask, PublicIpsOnly = r.Bool("public_ips_only", d.PublicIpsOnly) });
    }
}
