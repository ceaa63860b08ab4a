using Winnow.Boilerplate;
using Winnow.Dedup;
using Winnow.Extraction;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Reuse;

namespace Winnow.Cli.Commands;

/// <summary>The stages `winnow run` and `winnow demo` use, in order.</summary>
internal static class DefaultPipeline
{
    /// <remarks>
    /// Extraction only touches HTML documents. Exact dedup comes before the cleaning stages so
    /// that filters and PII redaction do not spend time on copies; a copy of a document that a
    /// filter removes would be removed by the same filter, so the result is the same. Near dedup
    /// comes before boilerplate: otherwise the copies of one article on one site would make its
    /// whole body look like that site's boilerplate. Reuse comes last and looks for passages
    /// shared by the documents that remain.
    /// </remarks>
    public static WinnowPipeline Build(
        IReadOnlyList<Stage> cleaning, ExactDedupOptions exact, BoilerplateStage? boilerplate, NearDedupStage? nearDedup, ReuseStage? reuse = null)
    {
        var builder = new WinnowPipelineBuilder()
            .Add(new ExtractStage())
            .Add(new ExactDedupStage(exact));
        foreach (var stage in cleaning)
        {
            builder.Add(stage);
        }

        if (nearDedup is not null)
        {
            builder.Add(nearDedup);
        }

        if (boilerplate is not null)
        {
            builder.Add(boilerplate);
        }

        if (reuse is not null)
        {
            builder.Add(reuse);
        }

        return builder.Build();
    }
}
