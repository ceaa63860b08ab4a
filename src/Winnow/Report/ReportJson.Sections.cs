using System.Text.Json;

namespace Winnow.Report;

/// <summary>The sections of the embedded report data; field names are read by report.js.</summary>
internal static partial class ReportJson
{
    private static void WriteExamples(Utf8JsonWriter w, string name, SortedDictionary<string, List<ExampleDoc>> examples)
    {
        w.WriteStartObject(name);
        foreach (var (key, list) in examples)
        {
            w.WriteStartArray(key);
            foreach (var e in list)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                Opt(w, "url", e.Url);
                Opt(w, "title", e.Title);
                Opt(w, "stage", e.Stage);
                Opt(w, "kept_id", e.KeptId);
                Opt(w, "detail", e.Detail);
                w.WriteString("preview", e.Preview);
                Opt(w, "attributes", e.Attributes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteRejected(Utf8JsonWriter w, SortedDictionary<string, List<ExampleRejection>> rejected)
    {
        w.WriteStartObject("rejected_examples");
        foreach (var (reason, list) in rejected)
        {
            w.WriteStartArray(reason);
            foreach (var e in list)
            {
                w.WriteStartObject();
                Opt(w, "file", e.File);
                w.WriteNumber("line", e.Line);
                Opt(w, "message", e.Message);
                w.WriteNumber("bytes", e.Bytes);
                Opt(w, "preview", e.Preview);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter w, AttributeTally tally)
    {
        w.WriteStartArray("attributes");
        foreach (var (name, e) in tally.Names)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteNumber("docs", e.Documents);
            w.WriteNumber("set", e.Set);
            if (e.Numeric > 0)
            {
                w.WriteNumber("min", e.Min);
                w.WriteNumber("max", e.Max);
                w.WriteNumber("mean", Math.Round(e.Sum / e.Numeric, 4));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteHistogram(Utf8JsonWriter w, SizeHistogram h)
    {
        w.WriteStartObject("histogram");
        w.WriteStartArray("buckets");
        foreach (var b in SizeHistogram.Buckets)
        {
            w.WriteStringValue(b);
        }

        w.WriteEndArray();
        w.WriteNumber("total", h.Total);
        w.WriteNumber("largest", h.Largest);
        w.WriteStartObject("kinds");
        foreach (var (kind, counts) in h.ByKind)
        {
            w.WriteStartArray(kind);
            foreach (var c in counts)
            {
                w.WriteNumberValue(c);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteClusters(Utf8JsonWriter w, List<ClusterEntry> clusters)
    {
        w.WriteStartArray("clusters");
        foreach (var c in clusters)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("kind", c.Kind);
            w.WriteString("kept", c.Kept);
            w.WriteNumber("size", c.Size);
            w.WriteStartArray("members");
            foreach (var m in c.Members)
            {
                w.WriteStartArray();
                w.WriteStringValue(m.Id);
                if (double.IsNaN(m.Similarity))
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteNumberValue(Math.Round(m.Similarity, 4));
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDocs(Utf8JsonWriter w, Dictionary<string, DocInfo> docs)
    {
        w.WriteStartObject("docs");
        foreach (var (id, d) in docs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(id);
            Opt(w, "url", d.Url);
            Opt(w, "title", d.Title);
            if (d.Text is not null)
            {
                w.WriteString("text", d.Text);
                w.WriteNumber("length", d.TextLength);
            }

            if (d.Removed)
            {
                w.WriteBoolean("removed", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteBoilerplate(Utf8JsonWriter w, List<BoilerplateEntry> entries)
    {
        w.WriteStartArray("boilerplate");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("text", e.Text);
            Opt(w, "kind", e.Kind);
            w.WriteNumber("docs", e.Docs);
            w.WriteStartArray("groups");
            foreach (var (group, docs) in e.Groups)
            {
                w.WriteStartArray();
                w.WriteStringValue(group);
                w.WriteNumberValue(docs);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("examples");
            e.Examples.ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteReuse(Utf8JsonWriter w, List<ReuseEntry> entries)
    {
        w.WriteStartArray("reuse");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("a", e.A);
            w.WriteString("b", e.B);
            w.WriteNumber("a_start", e.AStart);
            w.WriteNumber("a_end", e.AEnd);
            w.WriteNumber("b_start", e.BStart);
            w.WriteNumber("b_end", e.BEnd);
            w.WriteNumber("matched_words", e.MatchedWords);
            if (!double.IsNaN(e.Similarity))
            {
                w.WriteNumber("similarity", e.Similarity);
            }

            Opt(w, "a_text", e.AText);
            Opt(w, "b_text", e.BText);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
