namespace Winnow.Synth;

/// <summary>Where an injected passage came from and where it landed (UTF-16 offsets, end exclusive).</summary>
internal struct PassageTruth
{
    public long Source;
    public int SourceStart;
    public int SourceEnd;
    public int TargetStart;
    public int TargetEnd;
    public int Words;
    public double EditRate;
    public int WordsEdited;
    public int Quotes;
}
