using Winnow.Cleaning;
using Winnow.Dedup;
using Winnow.Extraction;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>The stages `winnow run` and `winnow demo` use, in order.</summary>
internal static class DefaultPipeline
{
    /// <remarks>
    /// Extraction only touches HTML documents. Exact dedup comes before the cleaning stages so
    /// that filters and PII redaction do not spend time on copies; a copy of a document that a
    /// filter removes would be removed by the same filter, so the result is the same.
    /// </remarks>
    public static WinnowPipeline Build(IReadOnlyList<Stage> cleaning, ExactDedupOptions exact, bool chrome = false)
    {
        var builder = new WinnowPipelineBuilder().Add(new ExtractStage());
        if (chrome)
        {
            // Before dedup: copies that differ only in their chrome become exact copies.
            builder.Add(new ChromeCleanerStage());
        }

        builder.Add(new ExactDedupStage(exact));
        foreach (var stage in cleaning)
        {
            builder.Add(stage);
        }

        return builder.Build();
    }
}
