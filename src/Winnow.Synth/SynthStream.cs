namespace Winnow.Synth;

/// <summary>Purposes that get separate random streams, so deciding a document's kind never needs its content.</summary>
internal enum SynthStream : ulong
{
    Plan = 1,
    Content = 2,
    Edits = 3,
    Catalog = 4,
    FromTexts = 5,
}
