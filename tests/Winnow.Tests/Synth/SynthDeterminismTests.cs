using System.IO.Compression;
using Winnow.Synth;

namespace Winnow.Tests.Synth;

public sealed class SynthDeterminismTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("winnow-synth-det-").FullName;

    [Fact]
    public void SameOptionsGiveIdenticalFilesWhateverTheThreadCount()
    {
        var one = SyntheticCorpus.Generate(new SynthOptions { Docs = 1500, Seed = 3, MaxDegreeOfParallelism = 1 }, Path.Combine(_folder, "a.jsonl"));
        var four = SyntheticCorpus.Generate(new SynthOptions { Docs = 1500, Seed = 3, MaxDegreeOfParallelism = 4 }, Path.Combine(_folder, "b.jsonl"));

        Assert.Equal(one.Files.Count, four.Files.Count);
        for (int f = 0; f < one.Files.Count; f++)
        {
            Assert.Equal(File.ReadAllBytes(one.Files[f]), File.ReadAllBytes(four.Files[f]));
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentText()
    {
        var a = SyntheticCorpus.Generate(new SynthOptions { Docs = 50, Seed = 1 }, Path.Combine(_folder, "s1.jsonl"));
        var b = SyntheticCorpus.Generate(new SynthOptions { Docs = 50, Seed = 2 }, Path.Combine(_folder, "s2.jsonl"));

        Assert.NotEqual(File.ReadAllBytes(a.DocsPath), File.ReadAllBytes(b.DocsPath));
    }

    [Fact]
    public void GzipOutputHoldsTheSameLinesAsPlainOutput()
    {
        var options = new SynthOptions { Docs = 400, Seed = 11 };
        var plain = SyntheticCorpus.Generate(options, Path.Combine(_folder, "plain.jsonl"));
        var packed = SyntheticCorpus.Generate(options, Path.Combine(_folder, "packed.jsonl.gz"));

        Assert.EndsWith("packed.truth.jsonl.gz", packed.TruthPath, StringComparison.Ordinal);
        Assert.Equal(plain.Files.Count, packed.Files.Count);
        for (int f = 0; f < plain.Files.Count; f++)
        {
            using var gz = new GZipStream(File.OpenRead(packed.Files[f]), CompressionMode.Decompress);
            using var unpacked = new MemoryStream();
            gz.CopyTo(unpacked);
            Assert.Equal(File.ReadAllBytes(plain.Files[f]), unpacked.ToArray());
        }

        Assert.True(packed.DocsBytes < plain.DocsBytes * 0.7);
    }

    [Fact]
    public void RandomStreamsAreReproducibleAndIndependent()
    {
        var a = new SynthRng(5, 10, SynthStream.Content);
        var b = new SynthRng(5, 10, SynthStream.Content);
        var otherIndex = new SynthRng(5, 11, SynthStream.Content);
        var otherStream = new SynthRng(5, 10, SynthStream.Plan);
        ulong first = a.Next();

        Assert.Equal(first, b.Next());
        Assert.NotEqual(first, otherIndex.Next());
        Assert.NotEqual(first, otherStream.Next());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
