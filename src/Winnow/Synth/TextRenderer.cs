using System.Globalization;

namespace Winnow.Synth;

/// <summary>Turns a <see cref="DocModel"/> into text: paragraphs joined by a blank line, tokens by one space.</summary>
internal static class TextRenderer
{
    public static void Render(DocModel model, RenderedText output)
    {
        output.Reset(model.TokenCount, model.BlockCount);
        var paragraphs = SynthCatalog.Instance.Paragraphs;
        for (int b = 0; b < model.BlockCount; b++)
        {
            if (b > 0)
            {
                output.Append("\n\n");
            }

            int start = output.Length;
            ref var block = ref model.Block(b);
            if (block.IsBoilerplate)
            {
                output.Append(paragraphs[block.Boilerplate].Text);
            }
            else
            {
                for (int t = block.Start; t < block.Start + block.Length; t++)
                {
                    ref var token = ref model.Token(t);
                    if (t > block.Start)
                    {
                        output.Append((token.Flags & TokenFlags.ExtraSpace) != 0 ? "  " : " ");
                    }

                    int tokenStart = output.Length;
                    AppendToken(output, in token, block.StraightQuotes);
                    output.MarkToken(t, tokenStart, output.Length);
                }
            }

            output.MarkBlock(b, start, output.Length);
        }
    }

    /// <summary>The headline as plain title-case text, for metadata and URL slugs.</summary>
    public static void RenderTitle(DocModel model, RenderedText output)
    {
        output.Reset(model.TokenCount, 0);
        var title = model.Block(model.FindBlock(BlockRole.Title));
        for (int t = title.Start; t < title.Start + title.Length; t++)
        {
            if (t > title.Start)
            {
                output.Append(' ');
            }

            var token = model.Token(t);
            token.Pre = TokenMark.None;
            token.Post = TokenMark.None;
            AppendToken(output, in token, straightQuotes: false);
        }
    }

    private static void AppendToken(RenderedText output, in SynthToken token, bool straightQuotes)
    {
        if (token.Pre == TokenMark.OpenQuote)
        {
            output.Append(straightQuotes ? '"' : '\u201C');
        }

        int wordStart = output.Length;
        switch (token.Kind)
        {
            case TokenKind.Word:
            case TokenKind.Name:
                output.Append(token.Kind == TokenKind.Word ? Vocabulary.Instance.Words[token.Value] : Vocabulary.Instance.Names[token.Value]);
                break;
            case TokenKind.Number:
                AppendNumber(output, token.Value, null);
                break;
            case TokenKind.Thousands:
                AppendNumber(output, token.Value, "#,0");
                break;
            case TokenKind.Percent:
                AppendNumber(output, token.Value, null);
                output.Append('%');
                break;
            default:
                AppendNumber(output, token.Value, null, asDate: true);
                break;
        }

        ApplyCase(output, wordStart, token.Flags);
        AppendMark(output, token.Post, straightQuotes);
    }

    private static void ApplyCase(RenderedText output, int wordStart, TokenFlags flags)
    {
        if ((flags & (TokenFlags.Upper | TokenFlags.Lower | TokenFlags.Capital)) != 0)
        {
            output.ChangeCase(wordStart, flags);
        }
    }

    private static void AppendNumber(RenderedText output, int value, string? format, bool asDate = false)
    {
        var span = output.GetSpan(16);
        int written;
        if (asDate)
        {
            new DateOnly(2000, 1, 1).AddDays(value).TryFormat(span, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            value.TryFormat(span, out written, format, CultureInfo.InvariantCulture);
        }

        output.Advance(written);
    }

    private static void AppendMark(RenderedText output, TokenMark mark, bool straightQuotes)
    {
        char close = straightQuotes ? '"' : '\u201D';
        switch (mark)
        {
            case TokenMark.Comma: output.Append(','); break;
            case TokenMark.Period: output.Append('.'); break;
            case TokenMark.Question: output.Append('?'); break;
            case TokenMark.Exclaim: output.Append('!'); break;
            case TokenMark.Colon: output.Append(':'); break;
            case TokenMark.Semicolon: output.Append(';'); break;
            case TokenMark.CommaCloseQuote: output.Append(','); output.Append(close); break;
            case TokenMark.PeriodCloseQuote: output.Append('.'); output.Append(close); break;
            case TokenMark.QuestionCloseQuote: output.Append('?'); output.Append(close); break;
            case TokenMark.ExclaimCloseQuote: output.Append('!'); output.Append(close); break;
            default: break;
        }
    }
}
