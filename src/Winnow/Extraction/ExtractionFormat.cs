namespace Winnow.Extraction;

/// <summary>How extracted content is written.</summary>
public enum ExtractionFormat
{
    /// <summary>Plain text: one block per paragraph, blank lines between blocks.</summary>
    Text,

    /// <summary>Markdown (CommonMark with pipe tables): headings, nested lists, quotes, code blocks, data tables, emphasis and inline code kept; links with <see cref="ExtractionOptions.IncludeLinks"/>.</summary>
    Markdown,
}
