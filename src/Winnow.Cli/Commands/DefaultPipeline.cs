using Winnow.Boilerplate;
using Winnow.Cleaning;
using Winnow.Dedup;
using Winnow.Extraction;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Reuse;

namespace Winnow.Cli.Commands;

/// <summary>The stages `winnow run` and `winnow demo` use, in order; null or false leaves one out.</summary>
internal sealed record DefaultPipeline
{
    public bool Chrome { get; init; }

    public ExactDedupOptions Exact { get; init; }

    /// <summary>False leaves exact dedup out (`winnow run --no-exact`).</summary>
    public bool ExactDedup { get; init; } = true;

    public IReadOnlyList<Stage> Cleaning { get; init; } = [];

    public NearDedupStage? NearDedup { get; init; }

    public BoilerplateStage? Boilerplate { get; init; }

    public ReuseStage? Reuse { get; init; }

    /// <remarks>
    /// Extraction only touches HTML documents. The chrome cleaner comes before dedup: copies that
    /// differ only in their chrome become exact copies. Exact dedup comes before the cleaning
    /// stages so that filters and PII redaction do not spend time on copies; a copy of a document
    /// that a filter removes would be removed by the same filter, so the result is the same. Near
    /// dedup comes before boilerplate: otherwise the copies of one article on one site would make
    /// its whole body look like that site's boilerplate. Reuse comes last and looks for passages
    /// shared by the documents that remain.
    /// </remarks>
    public WinnowPipeline Build()
    {
        var builder = new WinnowPipelineBuilder().Add(new ExtractStage());
        if (Chrome)
        {
            builder.Add(new ChromeCleanerStage());
        }

        if (ExactDedup)
        {
            builder.Add(new ExactDedupStage(Exact));
        }

        foreach (var stage in Cleaning)
        {
            builder.Add(stage);
        }

        foreach (var stage in new Stage?[] { NearDedup, Boilerplate, Reuse })
        {
            if (stage is not null)
            {
                builder.Add(stage);
            }
        }

        return builder.Build();
    }
}
