using Markdig;

namespace Winnow.Evaluation;

/// <summary>
/// The text of Winnow's Markdown output as a CommonMark reader sees it (Markdig with GitHub's
/// pipe tables, rendered as plain text), so that it can be scored with the same metric as plain
/// text and so that markup the reader would not take as intended shows up as a difference.
/// </summary>
/// <remarks>Thread-safe: the pipeline is immutable.</remarks>
internal static class MarkdownText
{
    /// <summary>The pipeline Winnow's Markdown is written for: CommonMark and pipe tables.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static string Strip(string markdown) => Markdown.ToPlainText(markdown, Pipeline);
}
