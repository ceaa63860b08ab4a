namespace Winnow.Synth;

/// <summary>What a token's value means when it is rendered.</summary>
internal enum TokenKind : byte
{
    /// <summary>Index into <see cref="Vocabulary.Words"/>.</summary>
    Word,

    /// <summary>Index into <see cref="Vocabulary.Names"/>; always capitalised.</summary>
    Name,

    /// <summary>A plain integer such as 42.</summary>
    Number,

    /// <summary>An integer with a thousands separator, such as 3,400.</summary>
    Thousands,

    /// <summary>A percentage, such as 17%.</summary>
    Percent,

    /// <summary>A date written YYYY-MM-DD; the value counts days since 2000-01-01.</summary>
    Date,
}
