namespace Winnow.Synth;

/// <summary>The part a paragraph plays in a document.</summary>
internal enum BlockRole : byte
{
    /// <summary>Site header or footer paragraph (a boilerplate id).</summary>
    Chrome,

    /// <summary>Author promotion paragraph (a boilerplate id).</summary>
    Promo,

    /// <summary>The headline.</summary>
    Title,

    /// <summary>Article body paragraph.</summary>
    Body,

    /// <summary>A passage quoted from another article.</summary>
    Passage,
}
