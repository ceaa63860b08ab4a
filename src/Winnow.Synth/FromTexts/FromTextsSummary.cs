namespace Winnow.Synth.FromTexts;

/// <summary>What a development set from real texts holds and where it was written.</summary>
internal sealed record FromTextsSummary(int Sources, int Docs, int Copies, int Traps, int Passages, string DocsPath, string TruthPath, TimeSpan Elapsed);
