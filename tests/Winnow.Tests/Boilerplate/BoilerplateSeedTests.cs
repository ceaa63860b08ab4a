using System.Text.Json.Nodes;
using Winnow.Boilerplate;
using Winnow.Documents;
using Winnow.Tests.Support;

namespace Winnow.Tests.Boilerplate;

/// <summary>The founding example: three promotional paragraphs shared by two posts of one author.</summary>
public sealed class BoilerplateSeedTests
{
    private const string PlainSeed = "seeds/000_974ea736afd95f53.txt";
    private const string MarkdownSeed = "seeds/002_48d5d820d7608b9f.txt";

    private static readonly string[] Promo = ["VISIT MY NEW WEB SITE", "My newest book", "Listen to cutting-edge"];

    [SharedDataFact(PlainSeed, MarkdownSeed)]
    public void FlagsExactlyTheThreePromotionalParagraphsInBothSeeds()
    {
        var (plain, markdown) = (SharedData.Text(PlainSeed)!, SharedData.Text(MarkdownSeed)!);

        using var dir = new TempDir();
        Document[] docs = [StageDriver.Doc(0, plain), StageDriver.Doc(1, markdown)];
        var stage = new BoilerplateStage(new BoilerplateOptions { GroupBy = "none", MinDocs = 2, Mode = BoilerplateMode.Annotate });
        var run = (BoilerplateRun)StageDriver.Run(stage, docs, dir.Path);

        Assert.Equal(3, run.FlaggedCount);
        foreach (var doc in docs)
        {
            var flagged = Spans(doc).Select(s => doc.Text[s.Start..s.End]).ToList();
            foreach (var text in flagged)
            {
                Assert.Contains(Promo, p => text.StartsWith(p, StringComparison.Ordinal));
            }

            foreach (var prefix in Promo)
            {
                Assert.Contains(flagged, t => t.StartsWith(prefix, StringComparison.Ordinal));
            }
        }

        // The Markdown page repeats the web-site line near its top: both copies are flagged.
        Assert.Equal(4, Spans(docs[1]).Count);
        Assert.Equal(3, Spans(docs[0]).Count);

        var report = File.ReadAllLines(dir["boilerplate.jsonl"]).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(3, report.Count);
        Assert.All(report, r => Assert.Equal(2, r["docs"]!.GetValue<long>()));
        Assert.All(report, r => Assert.Equal(["doc0", "doc1"], r["examples"]!.AsArray().Select(e => e!.GetValue<string>())));
    }

    [SharedDataFact(PlainSeed, MarkdownSeed)]
    public void RemoveModeCutsThePromotionalParagraphsAndKeepsTheBodies()
    {
        var (plain, markdown) = (SharedData.Text(PlainSeed)!, SharedData.Text(MarkdownSeed)!);

        using var dir = new TempDir();
        Document[] docs = [StageDriver.Doc(0, plain), StageDriver.Doc(1, markdown)];
        StageDriver.Run(new BoilerplateStage(new BoilerplateOptions { GroupBy = "none", MinDocs = 2 }), docs, dir.Path);

        Assert.DoesNotContain("VISIT MY NEW WEB SITE", docs[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("My newest book", docs[1].Text, StringComparison.Ordinal);
        Assert.Contains("Irreconcilable Differences Between US and Russia", docs[0].Text, StringComparison.Ordinal);
        Assert.Contains("Tillerson Explodes the Hope", docs[1].Text, StringComparison.Ordinal);
        Assert.True(plain.Length - docs[0].Text.Length >= Spans(docs[0]).Sum(s => s.End - s.Start));
        Assert.False(docs[0].IsRemoved);
    }

    internal static List<(int Start, int End)> Spans(Document doc) =>
        doc.Attributes?["boilerplate"]?["spans"] is JsonArray spans
            ? spans.Select(s => (s![0]!.GetValue<int>(), s[1]!.GetValue<int>())).ToList()
            : [];
}
