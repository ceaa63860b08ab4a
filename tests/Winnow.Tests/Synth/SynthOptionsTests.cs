using Winnow.Synth;

namespace Winnow.Tests.Synth;

public sealed class SynthOptionsTests
{
    [Theory]
    [InlineData("out/c.jsonl", "out/c.truth.jsonl", "out/c.passages.jsonl", "out/c.boilerplate.jsonl")]
    [InlineData("out/c.jsonl.gz", "out/c.truth.jsonl.gz", "out/c.passages.jsonl.gz", "out/c.boilerplate.jsonl.gz")]
    [InlineData("c.txt", "c.txt.truth.jsonl", "c.txt.passages.jsonl", "c.txt.boilerplate.jsonl")]
    public void TruthFilesSitBesideTheCorpus(string output, string truth, string passages, string boilerplate)
    {
        var paths = SynthPaths.For(output);

        Assert.Equal((truth, passages, boilerplate), (paths.Truth, paths.Passages, paths.Boilerplate));
    }

    [Fact]
    public void DefaultsAreSensible()
    {
        var options = new SynthOptions();

        Assert.Equal(1000, options.Docs);
        Assert.Equal(1UL, options.Seed);
        Assert.InRange(options.SyndicatedRate + options.ExactCopyRate + options.NearCopyRate + options.FarVariantRate, 0.2, 0.5);
    }

    [Fact]
    public void InvalidOptionsAreRejectedBeforeAnythingIsWritten()
    {
        string path = Path.Combine(Path.GetTempPath(), "winnow-synth-never-" + Guid.NewGuid().ToString("N") + ".jsonl");

        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticCorpus.Generate(default, path));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticCorpus.Generate(new SynthOptions { SyndicatedRate = 0.7, ExactCopyRate = 0.4 }, path));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticCorpus.Generate(new SynthOptions { FarMinEditRate = 0.4, FarMaxEditRate = 0.3 }, path));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SummaryCountsAddUp()
    {
        string folder = Directory.CreateTempSubdirectory("winnow-synth-sum-").FullName;
        try
        {
            var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = 300 }, Path.Combine(folder, "c.jsonl"));

            Assert.Equal(300, summary.Originals + summary.Syndicated + summary.ExactCopies + summary.NearCopies + summary.FarVariants);
            Assert.Equal(300, File.ReadLines(summary.DocsPath).Count());
            Assert.Equal(new FileInfo(summary.DocsPath).Length, summary.DocsBytes);
            Assert.Equal(summary.Passages, File.ReadLines(summary.PassagesPath).Count());
            Assert.All(summary.Files, f => Assert.True(File.Exists(f)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
