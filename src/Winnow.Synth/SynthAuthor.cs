namespace Winnow.Synth;

/// <summary>An invented author with a home site and the promotional paragraphs they append to their articles.</summary>
internal sealed record SynthAuthor(string Name, int Site, int[] PromoIds);
