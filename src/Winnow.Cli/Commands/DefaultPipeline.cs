using Winnow.Dedup;
using Winnow.Extraction;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>The stages `winnow run` and `winnow demo` use, in order.</summary>
internal static class DefaultPipeline
{
    /// <remarks>Extraction only touches HTML documents; text and Markdown pass through it.</remarks>
    public static WinnowPipeline Build(ExactDedupOptions exact) =>
        new WinnowPipelineBuilder()
            .Add(new ExtractStage())
            .Add(new ExactDedupStage(exact))
            .Build();
}
