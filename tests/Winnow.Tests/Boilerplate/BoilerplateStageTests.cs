using Winnow.Boilerplate;
using Winnow.Documents;
using Winnow.Tests.Support;

namespace Winnow.Tests.Boilerplate;

public sealed class BoilerplateStageTests
{
    private const string Promo = "Subscribe to our newsletter for weekly updates.";

    [Fact]
    public void NormalizesQuotesCaseLinksAndUrls()
    {
        using var dir = new TempDir();
        Document[] docs =
        [
            StageDriver.Doc(0, "Body one is here.\n\nRead “The Book” at example.org, it’s free.\n"),
            StageDriver.Doc(1, "Body two differs.\n\nREAD \"the book\" at [example.org](https://example.org), it's free!\n"),
            StageDriver.Doc(2, "Body three.\n\nRead the book at https://x.example.com/p?q=1 -- it’s FREE\n"),
        ];
        StageDriver.Run(new BoilerplateStage(new BoilerplateOptions { GroupBy = "none", MinDocs = 3 }), docs, dir.Path);

        Assert.Equal(["Body one is here.", "Body two differs.", "Body three."], docs.Select(d => d.Text));
    }

    [Fact]
    public void CountsWithinGroupsOnly()
    {
        using var dir = new TempDir();
        Document[] docs =
        [
            StageDriver.Doc(0, "A.\n\n" + Promo, url: "https://www.a.com/1"),
            StageDriver.Doc(1, "B.\n\n" + Promo, url: "https://a.com/2"),
            StageDriver.Doc(2, "C.\n\n" + Promo, url: "https://b.com/1"),
        ];
        var stage = new BoilerplateStage(new BoilerplateOptions { MinDocs = 2, Mode = BoilerplateMode.Annotate });
        StageDriver.Run(stage, docs, dir.Path);

        Assert.Single(BoilerplateSeedTests.Spans(docs[0]));
        Assert.Single(BoilerplateSeedTests.Spans(docs[1]));
        Assert.Empty(BoilerplateSeedTests.Spans(docs[2]));
        var line = Assert.Single(File.ReadAllLines(dir["boilerplate.jsonl"]));
        Assert.Contains("\"group\":\"a.com\",\"docs\":2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupsByMetadataFieldAndBelowThresholdIsKept()
    {
        using var dir = new TempDir();
        var docs = Enumerable.Range(0, 4).Select(i => StageDriver.Doc(i, $"Text {i}.\n\n{Promo}")).ToArray();
        for (var i = 0; i < docs.Length; i++)
        {
            docs[i].AddMetadata(new MetadataField("author", System.Text.Encoding.UTF8.GetBytes($"\"{(i < 3 ? "ann" : "bob")}\"")));
        }

        StageDriver.Run(new BoilerplateStage(new BoilerplateOptions { GroupBy = "author", MinDocs = 3 }), docs, dir.Path);

        Assert.Equal(["Text 0.", "Text 1.", "Text 2.", "Text 3.\n\n" + Promo], docs.Select(d => d.Text));
    }

    [Fact]
    public void FlagsLinesInsideParagraphsAndRemovesAllBoilerplateDocuments()
    {
        using var dir = new TempDir();
        Document[] docs =
        [
            StageDriver.Doc(0, "Story one starts.\nShare this article\nStory one ends."),
            StageDriver.Doc(1, "Story two.\nShare this article"),
            StageDriver.Doc(2, "Share this article"),
        ];
        StageDriver.Run(new BoilerplateStage(new BoilerplateOptions { GroupBy = "none", MinDocs = 3 }), docs, dir.Path);

        Assert.Equal("Story one starts.\nStory one ends.", docs[0].Text);
        Assert.Equal("Story two.", docs[1].Text);
        Assert.True(docs[2].IsRemoved);
        Assert.Equal(BoilerplateStage.OnlyBoilerplateReason, docs[2].Removal!.Reason);
    }

    [Fact]
    public void SpilledRunsBatchesAndThreadsGiveTheSameReport()
    {
        var docs = () => Enumerable.Range(0, 60)
            .Select(i => StageDriver.Doc(i, $"Unique {i} text.\n\nShared {i % 7} footer line.\n\n{Promo}", url: $"https://h{i % 3}.org/{i}"))
            .ToArray();
        string Report(int spill, int batch, int threads)
        {
            using var dir = new TempDir();
            StageDriver.Run(new BoilerplateStage(new BoilerplateOptions { MinDocs = 3, SpillRecords = spill }), docs(), dir.Path, batch, threads);
            return File.ReadAllText(dir["boilerplate.jsonl"]);
        }

        var reference = Report(1 << 20, 7, 1);
        Assert.Equal(8, reference.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(reference, Report(16, 3, 2));
        Assert.Equal(reference, Report(50, 11, 4));
    }
}
