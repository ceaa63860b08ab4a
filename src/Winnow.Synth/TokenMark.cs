namespace Winnow.Synth;

/// <summary>Punctuation glued before or after a token. Quote marks render curly unless a block asks for straight ones.</summary>
internal enum TokenMark : byte
{
    None,
    Comma,
    Period,
    Question,
    Exclaim,
    Colon,
    Semicolon,
    CommaCloseQuote,
    PeriodCloseQuote,
    QuestionCloseQuote,
    ExclaimCloseQuote,
    OpenQuote,
}
