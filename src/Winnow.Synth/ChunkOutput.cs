namespace Winnow.Synth;

/// <summary>Everything one run of consecutive documents produced, kept until it is written in order.</summary>
internal sealed class ChunkOutput
{
    public JsonLines Docs { get; } = new(1 << 20);

    public JsonLines Truth { get; } = new(1 << 17);

    public JsonLines Passages { get; } = new(1 << 14);

    /// <summary>Documents containing each boilerplate paragraph, by paragraph id.</summary>
    public long[] Boilerplate { get; } = new long[SynthCatalog.Instance.Paragraphs.Length];

    /// <summary>Documents of each <see cref="DocKind"/>.</summary>
    public long[] Kinds { get; } = new long[5];

    public long PassageCount { get; set; }

    public long TextChars { get; set; }

    public void Clear()
    {
        Docs.Clear();
        Truth.Clear();
        Passages.Clear();
        Array.Clear(Boilerplate);
        Array.Clear(Kinds);
        PassageCount = 0;
        TextChars = 0;
    }
}
