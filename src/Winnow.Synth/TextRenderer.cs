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
                        output.Append(' ');
                        if ((token.Flags & TokenFlags.ExtraSpace) != 0)
                        {
                            output.Append(' ');
                        }
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
        // Every token fits in 64 chars (longest invented word is 24), so one reservation covers all of it.
        var span = output.GetSpan(64);
        int n = 0;
        if (token.Pre == TokenMark.OpenQuote)
        {
            span[n++] = straightQuotes ? '"' : '\u201C';
        }

        int wordStart = n;
        switch (token.Kind)
        {
            case TokenKind.Word:
                Copy(Vocabulary.Instance.Words[token.Value], span, ref n);
                break;
            case TokenKind.Name:
                Copy(Vocabulary.Instance.Names[token.Value], span, ref n);
                break;
            case TokenKind.Number:
                n += Format(token.Value, span[n..], null);
                break;
            case TokenKind.Thousands:
                n += Format(token.Value, span[n..], "#,0");
                break;
            case TokenKind.Percent:
                n += Format(token.Value, span[n..], null);
                span[n++] = '%';
                break;
            default:
                new DateOnly(2000, 1, 1).AddDays(token.Value).TryFormat(span[n..], out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                n += written;
                break;
        }

        ApplyCase(span[wordStart..n], token.Flags);
        n += WriteMark(span[n..], token.Post, straightQuotes);
        output.Advance(n);
    }

    private static void Copy(string word, Span<char> span, ref int n)
    {
        word.CopyTo(span[n..]);
        n += word.Length;
    }

    private static int Format(int value, Span<char> span, string? format)
    {
        value.TryFormat(span, out int written, format, CultureInfo.InvariantCulture);
        return written;
    }

    private static void ApplyCase(Span<char> word, TokenFlags flags)
    {
        if ((flags & (TokenFlags.Upper | TokenFlags.Lower | TokenFlags.Capital)) == 0 || word.IsEmpty)
        {
            return;
        }

        if ((flags & TokenFlags.Upper) != 0)
        {
            for (int i = 0; i < word.Length; i++)
            {
                word[i] = char.ToUpperInvariant(word[i]);
            }
        }
        else
        {
            word[0] = (flags & TokenFlags.Lower) != 0 ? char.ToLowerInvariant(word[0]) : char.ToUpperInvariant(word[0]);
        }
    }

    private static int WriteMark(Span<char> span, TokenMark mark, bool straightQuotes)
    {
        char close = straightQuotes ? '"' : '\u201D';
        switch (mark)
        {
            case TokenMark.None: return 0;
            case TokenMark.Comma: span[0] = ','; return 1;
            case TokenMark.Period: span[0] = '.'; return 1;
            case TokenMark.Question: span[0] = '?'; return 1;
            case TokenMark.Exclaim: span[0] = '!'; return 1;
            case TokenMark.Colon: span[0] = ':'; return 1;
            case TokenMark.Semicolon: span[0] = ';'; return 1;
            case TokenMark.CommaCloseQuote: span[0] = ','; break;
            case TokenMark.PeriodCloseQuote: span[0] = '.'; break;
            case TokenMark.QuestionCloseQuote: span[0] = '?'; break;
            case TokenMark.ExclaimCloseQuote: span[0] = '!'; break;
            default: return 0;
        }

        span[1] = close;
        return 2;
    }
}
