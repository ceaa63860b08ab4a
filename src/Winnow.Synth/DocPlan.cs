namespace Winnow.Synth;

/// <summary>Every decision about one document that does not need its text; drawn from the plan stream.</summary>
internal struct DocPlan
{
    public DocKind Kind;

    /// <summary>The original article this document derives from (its own index when original).</summary>
    public long Base;

    /// <summary>Source article of the quoted passage, or -1.</summary>
    public long PassageSource;
    public int PassageWords;
    public double PassageStart;
    public double PassageInsert;
    public double PassageEditRate;

    /// <summary>0 keeps the source's quote marks, 1 straightens them, 2 wraps the passage in curly quotes.</summary>
    public int PassageQuotes;

    /// <summary>Added to the base site index (mod site count); 0 keeps the site.</summary>
    public int SiteShift;
    public double WordEditRate;
    public int Drops;
    public int Swaps;
    public double KeepFraction;
    public int NearEdits;
    public int DayShift;
}
