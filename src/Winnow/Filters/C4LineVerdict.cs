namespace Winnow.Filters;

/// <summary>What C4's rules say about one line.</summary>
internal enum C4LineVerdict
{
    Keep,
    LongWord,
    NoTerminalPunctuation,
    TooFewWords,
    Javascript,
    Policy,
    LoremIpsum,
    CurlyBrace,
}
