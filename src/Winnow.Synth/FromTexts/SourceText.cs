namespace Winnow.Synth.FromTexts;

/// <summary>One real article body: where it came from and its paragraphs (blank-line separated in the source, trimmed).</summary>
internal sealed record SourceText(string Id, string[] Paragraphs)
{
    /// <summary>The paragraphs joined as the source wrote them: one blank line between two.</summary>
    public string Text => string.Join("\n\n", Paragraphs);
}
