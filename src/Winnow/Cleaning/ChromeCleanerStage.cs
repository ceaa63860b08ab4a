using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Cleaning;

/// <summary>
/// The opt-in "chrome" stage: removes page chrome left in already-extracted text — runs of
/// previous/next post titles with their dates above the article, the title shown twice, post
/// navigation and share prompts (see docs/extract.md). Records
/// <c>attributes.chrome.removed_lines</c> when it removed anything. HTML documents (not yet
/// extracted) pass through.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
public sealed class ChromeCleanerStage : DocumentStage
{
    /// <inheritdoc/>
    public override string Name => "chrome";

    /// <inheritdoc/>
    public override void Process(Document document)
    {
        if (document.ContentType == ContentTypes.Html)
        {
            return;
        }

        var cleaned = ChromeCleaner.Clean(document.Text, out var removed, out var stubs);
        if (removed > 0 || stubs > 0)
        {
            document.Text = cleaned;
            document.SetAttribute(Name, "removed_lines", JsonValue.Create(removed));
            if (stubs > 0)
            {
                document.SetAttribute(Name, "contact_stubs", JsonValue.Create(stubs));
            }
        }
    }
}
