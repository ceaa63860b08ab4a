using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Reuse;
using Winnow.Tests.Support;

namespace Winnow.Tests.Reuse;

/// <summary>
/// The founding example: two different articles by one author share only their promotional
/// paragraphs. Boundary rule: a passage runs from the first char of its first matched word to the
/// last char of its last matched word, so edge quotes, periods and Markdown markup fall outside.
/// </summary>
public sealed class ReuseSeedTests
{
    private const string PlainSeed = "seeds/000_974ea736afd95f53.txt";
    private const string MarkdownSeed = "seeds/002_48d5d820d7608b9f.txt";

    [SharedDataFact(PlainSeed, MarkdownSeed)]
    public void ReportsOnlyThePromotionalParagraphs()
    {
        var (plain, markdown) = (SharedData.Text(PlainSeed)!, SharedData.Text(MarkdownSeed)!);

        using var dir = new TempDir();
        Document[] docs = [StageDriver.Doc(0, plain, "plain"), StageDriver.Doc(1, markdown, "markdown")];
        StageDriver.Run(new ReuseStage(), docs, dir.Path);

        var passages = ReadPassages(dir["reuse.jsonl"]);
        Assert.All(passages, p => Assert.Equal(("plain", "markdown"), (p.A, p.B)));

        // The promotional block: three paragraphs in the plain post; the same three (the second copy of
        // the web-site line, a bare link between the book and radio lines) near the end of the article.
        const string First = "VISIT MY NEW WEB SITE";
        const string Last = "Progressive Radio Network";
        var plainStart = plain.IndexOf(First, StringComparison.Ordinal);
        var plainEnd = plain.IndexOf(Last, plainStart, StringComparison.Ordinal) + Last.Length;
        var markdownStart = markdown.LastIndexOf(First, StringComparison.Ordinal);
        var markdownEnd = markdown.IndexOf(Last, markdownStart, StringComparison.Ordinal) + Last.Length;
        var bio = markdown.IndexOf("About the author", StringComparison.Ordinal);
        Assert.True(plainStart > 0 && markdownStart > 0 && bio > markdownEnd);

        Assert.Equal(2, passages.Count);
        var block = passages[0];
        Assert.Equal((plainStart, plainEnd, markdownStart, markdownEnd), (block.AStart, block.AEnd, block.BStart, block.BEnd));
        Assert.Equal(1.0, block.Similarity);

        // The author note repeats the book and radio lines, edited ("His new book", a blog link
        // between them): reported as the second passage, against the same promotional lines.
        var note = passages[1];
        Assert.InRange(note.AStart, plainStart, plainEnd);
        Assert.InRange(note.AEnd, plainStart, plainEnd);
        Assert.StartsWith("book as editor", plain[note.AStart..note.AEnd], StringComparison.Ordinal);
        Assert.True(note.BStart > bio);
        Assert.EndsWith(Last, markdown[note.BStart..note.BEnd], StringComparison.Ordinal);
        Assert.InRange(note.Similarity, 0.8, 0.99);
    }

    internal static List<(string A, string B, int AStart, int AEnd, int BStart, int BEnd, double Similarity)> ReadPassages(string path) =>
        File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject()).Select(o => (
            o["a"]!.GetValue<string>(), o["b"]!.GetValue<string>(),
            o["a_start"]!.GetValue<int>(), o["a_end"]!.GetValue<int>(),
            o["b_start"]!.GetValue<int>(), o["b_end"]!.GetValue<int>(),
            o["similarity"]!.GetValue<double>())).ToList();
}
