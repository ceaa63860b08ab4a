using System.Text;
using Winnow.Report;

namespace Winnow.Tests.Report;

public sealed class DocFieldsTests
{
    /// <summary>Records as a run writes them, and as it does not (other member orders, spaces, nested look-alikes, cut lines).</summary>
    public static TheoryData<string, bool> Records => new()
    {
        { """{"id":"a","text":"plain","source":{"file":"in.jsonl","line":1}}""", false },
        { """{"id":"a","text":"t","attributes":{"pii":{"email":2},"c4":{"lines_dropped_policy":1}}}""", false },
        { """{"id":"a\"b","text":"a text that quotes ,\"removed\":{ and ,\"attributes\":{ in it","attributes":{"pii":{"email":1}}}""", false },
        { """{"id":"a","text":"t","metadata":{"attributes":{"x":1}}}""", false },
        { """{"id":"a","text":"t","metadata":{"removed":{"reason":"fake"}},"removed":{"stage":"s","reason":"exact_duplicate","kept_id":"k"}}""", true },
        { """{"id":"a","text":"t","attributes":{"pii":{"email":1}},"removed":{"stage":"near_dedup","reason":"near_duplicate","kept_id":"k\u00e9","detail":"cluster=3 similarity=0.9"}}""", true },
        { """{"id":"a","text":"t","removed":{"stage":"s","reason":"r"},"url":"u"}""", true },
        { """{"id":"a","text":"t","attributes":{"x":{"y":1}},"url":"u"}""", false },
        { """{"text":"t","id":"a","removed":{"stage":"s","reason":"r","kept_id":"k"}}""", true },
        { """{ "id": "a", "text": "t", "attributes": {"x": {"y": 1}} }""", false },
        { """{"id":"a","text":"cut here""", false },
        { """{"id":"a","text":"t","removed":{"stage":"s","reason":"r","kept_id":"k"}} """ + "\r", true },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void ReadingOnlyTheEndsAgreesWithTheFullParseOrDeclines(string record, bool removed)
    {
        var line = Encoding.UTF8.GetBytes(record);
        var whole = DocFields.TryParse(line, out var full);
        if (!DocFields.TryParseEnds(line, removed, out var ends))
        {
            return;
        }

        Assert.True(whole);
        Assert.Equal(full.Id, ends.Id);
        if (removed)
        {
            Assert.Equal((full.Stage, full.Reason, full.KeptId, full.Detail), (ends.Stage, ends.Reason, ends.KeptId, ends.Detail));
        }
        else
        {
            Assert.Equal(full.HasAttributes, ends.HasAttributes);
            using var a = full.Attributes();
            using var b = ends.Attributes();
            Assert.Equal(a?.RootElement.GetRawText(), b?.RootElement.GetRawText());
        }
    }

    [Fact]
    public void TheEndsOfARunsRecordsAreRead()
    {
        // Not declined: the shapes a run writes take the short way.
        Assert.True(DocFields.TryParseEnds("""{"id":"a","text":"t ,\"attributes\":{","attributes":{"pii":{"email":2}}}"""u8, false, out var kept));
        Assert.True(kept.HasAttributes);
        Assert.True(DocFields.TryParseEnds("""{"id":"a","text":"t"}"""u8, false, out var bare));
        Assert.False(bare.HasAttributes);
        Assert.True(DocFields.TryParseEnds("""{"id":"b","text":"t","removed":{"stage":"s","reason":"r","kept_id":"k"}}"""u8, true, out var gone));
        Assert.Equal(("b", "r", "k"), (gone.Id, gone.Reason, gone.KeptId));
        Assert.False(DocFields.TryParseEnds("""{"id":"b","text":"t"}"""u8, true, out _));
    }
}
