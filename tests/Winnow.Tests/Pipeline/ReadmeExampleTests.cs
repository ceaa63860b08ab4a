using Winnow.Dedup;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Text;

namespace Winnow.Tests.Pipeline;

/// <summary>The library example in README.md, kept compiling and working.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExampleRuns()
    {
        using var dir = new TempDir();
        dir.Write("corpus.jsonl", "{\"text\":\"Hello World\"}\n{\"text\":\"hello world\"}\n{\"text\":\"other\"}\n");

        var pipeline = new WinnowPipelineBuilder()
            .Add(new ExactDedupStage(new ExactDedupOptions
            {
                Normalization = new NormalizationOptions { CaseFold = true },
            }))
            .Build();

        var stats = pipeline.Run(new RunOptions
        {
            Inputs = [dir["corpus.jsonl"]],
            OutputDirectory = dir["run"],
            Threads = 8,
        });

        Assert.Equal(2, stats.Kept.Documents);
        Assert.Equal(3, stats.In.Documents);
    }
}
