namespace Winnow.Synth.FromTexts;

/// <summary>Options of the development sets made from real texts (docs/synth.md, "Development sets from real texts"). Immutable.</summary>
internal readonly record struct FromTextsOptions
{
    public FromTextsOptions()
    {
    }

    /// <summary>Seed of every random choice: the same sources and options give byte-identical files. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Shortest source text used, in words. Default 80.</summary>
    public int MinWords { get; init; } = 80;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWords, 20);
    }
}
