using System.Globalization;

namespace Winnow.Synth;

/// <summary>The three per-document line formats. Field names are documented in docs/synth.md.</summary>
internal static class DocJson
{
    private static readonly string[] KindNames = ["original", "syndicated", "exact_copy", "near_copy", "far_variant"];
    private static readonly string[] QuoteNames = ["kept", "straight", "wrapped"];

    public static void WriteDoc(JsonLines lines, long index, ReadOnlySpan<char> text, ReadOnlySpan<char> url, DocModel doc, ReadOnlySpan<char> title)
    {
        var catalog = SynthCatalog.Instance;
        Span<char> scratch = stackalloc char[24];
        var w = lines.Begin();
        w.WriteString("id"u8, Id(scratch, 'd', index));
        w.WriteString("text"u8, text);
        w.WriteString("url"u8, url);
        w.WriteStartObject("metadata"u8);
        w.WriteString("site"u8, catalog.Sites[doc.Site].Domain);
        w.WriteString("author"u8, catalog.Authors[doc.Author].Name);
        w.WriteString("title"u8, title);
        new DateOnly(2000, 1, 1).AddDays(doc.Day).TryFormat(scratch, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.WriteString("date"u8, scratch[..written]);
        w.WriteEndObject();
        lines.End();
    }

    public static void WriteTruth(JsonLines lines, long index, in DocTruth truth, int site)
    {
        Span<char> scratch = stackalloc char[24];
        var w = lines.Begin();
        w.WriteString("id"u8, Id(scratch, 'd', index));
        w.WriteString("kind"u8, KindNames[(int)truth.Kind]);
        w.WriteString("cluster"u8, Id(scratch, 'd', truth.Cluster(index)));
        w.WriteString("base"u8, Id(scratch, 'd', truth.Base));
        w.WriteString("site"u8, SynthCatalog.Instance.Sites[site].Domain);
        w.WriteNumber("word_edit_rate"u8, Math.Round(truth.WordEditRate, 4));
        w.WriteNumber("words_edited"u8, truth.WordsEdited);
        w.WriteNumber("paragraphs_dropped"u8, truth.ParagraphsDropped);
        w.WriteNumber("paragraphs_swapped"u8, truth.ParagraphsSwapped);
        w.WriteNumber("truncated_fraction"u8, Math.Round(truth.TruncatedFraction, 4));
        w.WriteNumber("char_edits"u8, truth.CharEdits);
        w.WriteNumber("jaccard"u8, Math.Round(truth.Jaccard, 6));
        lines.End();
    }

    public static void WritePassage(JsonLines lines, long target, in PassageTruth passage)
    {
        Span<char> scratch = stackalloc char[24];
        var w = lines.Begin();
        w.WriteString("id"u8, Id(scratch, 'p', target));
        w.WriteString("source"u8, Id(scratch, 'd', passage.Source));
        w.WriteNumber("source_start"u8, passage.SourceStart);
        w.WriteNumber("source_end"u8, passage.SourceEnd);
        w.WriteString("target"u8, Id(scratch, 'd', target));
        w.WriteNumber("target_start"u8, passage.TargetStart);
        w.WriteNumber("target_end"u8, passage.TargetEnd);
        w.WriteNumber("words"u8, passage.Words);
        w.WriteNumber("edit_rate"u8, Math.Round(passage.EditRate, 4));
        w.WriteNumber("words_edited"u8, passage.WordsEdited);
        w.WriteString("quotes"u8, QuoteNames[passage.Quotes]);
        lines.End();
    }

    /// <summary>Document ids are "d" plus the zero-padded index (8 digits, more past 99,999,999).</summary>
    public static ReadOnlySpan<char> Id(Span<char> scratch, char prefix, long index)
    {
        scratch[0] = prefix;
        index.TryFormat(scratch[1..], out int written, "D8", CultureInfo.InvariantCulture);
        return scratch[..(written + 1)];
    }
}
