using Winnow.Boilerplate;
using Winnow.Dedup;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>The stages `winnow run` and `winnow demo` use, in order.</summary>
internal static class DefaultPipeline
{
    public static WinnowPipeline Build(ExactDedupOptions exact, BoilerplateStage? boilerplate = null)
    {
        var builder = new WinnowPipelineBuilder().Add(new ExactDedupStage(exact));
        return (boilerplate is null ? builder : builder.Add(boilerplate)).Build();
    }
}
