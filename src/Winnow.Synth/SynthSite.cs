namespace Winnow.Synth;

/// <summary>An invented news site: its domain, sections and the boilerplate paragraphs it wraps every page in.</summary>
internal sealed record SynthSite(string Name, string Domain, string[] Sections, int[] HeaderIds, int[] FooterIds)
{
    /// <summary>Indices into <see cref="SynthCatalog.Authors"/> of the people who write for this site.</summary>
    public List<int> Authors { get; } = [];
}
