namespace Winnow.Extraction;

/// <summary>How extracted content is written.</summary>
public enum ExtractionFormat
{
    /// <summary>Plain text: one block per paragraph, blank lines between blocks.</summary>
    Text,

    /// <summary>Markdown: headings, lists, quotes, emphasis and code kept.</summary>
    Markdown,
}
