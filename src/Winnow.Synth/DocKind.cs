namespace Winnow.Synth;

/// <summary>How a generated document relates to the original article it derives from.</summary>
internal enum DocKind : byte
{
    Original,
    Syndicated,
    ExactCopy,
    NearCopy,
    FarVariant,
}
