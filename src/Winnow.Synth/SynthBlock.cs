namespace Winnow.Synth;

/// <summary>A paragraph: either a boilerplate id or a range of tokens in the owning <see cref="DocModel"/>.</summary>
internal struct SynthBlock
{
    public BlockRole Role;
    public bool StraightQuotes;
    public int Start;
    public int Length;
    public int Boilerplate;

    public readonly bool IsBoilerplate => Role is BlockRole.Chrome or BlockRole.Promo;

    public readonly bool IsContent => Role is BlockRole.Body or BlockRole.Passage;

    public static SynthBlock ForBoilerplate(BlockRole role, int id) => new() { Role = role, Boilerplate = id };

    public static SynthBlock ForTokens(BlockRole role, int start, int length) => new() { Role = role, Start = start, Length = length, Boilerplate = -1 };
}
