namespace Winnow.Synth;

/// <summary>What was done to one document, as written to the truth file.</summary>
internal struct DocTruth
{
    public DocKind Kind;
    public long Base;
    public double WordEditRate;
    public int WordsEdited;
    public int ParagraphsDropped;
    public int ParagraphsSwapped;
    public double TruncatedFraction;
    public int CharEdits;
    public double Jaccard;
    public bool HasPassage;
    public PassageTruth Passage;

    /// <summary>Near-duplicate cluster a perfect deduplicator forms: far variants stand alone.</summary>
    public readonly long Cluster(long self) => Kind is DocKind.Original or DocKind.FarVariant ? self : Base;
}
