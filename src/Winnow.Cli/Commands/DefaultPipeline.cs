using Winnow.Dedup;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>The stages `winnow run` and `winnow demo` use, in order.</summary>
internal static class DefaultPipeline
{
    public static WinnowPipeline Build(ExactDedupOptions exact) =>
        new WinnowPipelineBuilder()
            .Add(new ExactDedupStage(exact))
            .Build();
}
