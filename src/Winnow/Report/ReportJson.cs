using System.Text.Encodings.Web;
using System.Text.Json;

namespace Winnow.Report;

/// <summary>
/// Writes the data the page renders as one JSON value, safe to embed in an HTML script element:
/// every <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 is written as a <c>\u</c> escape
/// (<see cref="ScriptSafe"/>), so no document text can end the element or open a comment.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static partial class ReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static byte[] Write(ReportCollector r, ReportOptions options, string title)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("title", title);
            w.WriteString("generated_by", "winnow " + WinnowInfo.Version);
            w.WritePropertyName("stats");
            if (r.StatsJson is { } stats)
            {
                using var doc = JsonDocument.Parse(stats);
                doc.RootElement.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }

            WriteBounds(w, options);
            w.WriteStartObject("counts");
            foreach (var (name, (shown, total)) in r.Counts)
            {
                w.WriteStartArray(name);
                w.WriteNumberValue(shown);
                w.WriteNumberValue(total);
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteStartArray("notes");
            r.Notes.ForEach(w.WriteStringValue);
            w.WriteEndArray();
            WriteExamples(w, "removed_examples", r.Removed.Examples);
            WriteRejected(w, r.Rejected);
            WriteAttributes(w, r.Attributes);
            WriteExamples(w, "attribute_examples", r.Attributes.Examples);
            WriteHistogram(w, r.Histogram);
            WriteClusters(w, r.Clusters);
            WriteDocs(w, r.Docs);
            WriteBoilerplate(w, r.Boilerplate);
            WriteReuse(w, r.Reuse);
            w.WriteEndObject();
        }

        return ScriptSafe(buffer.ToArray());
    }

    /// <summary>
    /// Replaces <c>&lt; &gt; &amp;</c>, U+2028 and U+2029 with <c>\u</c> escapes. In valid JSON
    /// these characters occur only inside strings, where the escape means the same character.
    /// </summary>
    public static byte[] ScriptSafe(ReadOnlySpan<byte> json)
    {
        var output = new MemoryStream(json.Length + 1024);
        var from = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            ReadOnlySpan<byte> escape = b switch
            {
                (byte)'<' => "\\u003c"u8,
                (byte)'>' => "\\u003e"u8,
                (byte)'&' => "\\u0026"u8,
                0xE2 when i + 2 < json.Length && json[i + 1] == 0x80 && json[i + 2] == 0xA8 => "\\u2028"u8,
                0xE2 when i + 2 < json.Length && json[i + 1] == 0x80 && json[i + 2] == 0xA9 => "\\u2029"u8,
                _ => default,
            };
            if (escape.IsEmpty)
            {
                continue;
            }

            output.Write(json[from..i]);
            output.Write(escape);
            i += b == 0xE2 ? 2 : 0;
            from = i + 1;
        }

        output.Write(json[from..]);
        return output.ToArray();
    }

    private static void WriteBounds(Utf8JsonWriter w, ReportOptions o)
    {
        w.WriteStartObject("bounds");
        w.WriteNumber("clusters", o.MaxClusters);
        w.WriteNumber("members_per_cluster", o.MaxMembersPerCluster);
        w.WriteNumber("texts_per_cluster", o.TextsPerCluster);
        w.WriteNumber("text_documents", o.MaxTextDocuments);
        w.WriteNumber("boilerplate", o.MaxBoilerplate);
        w.WriteNumber("reuse_passages", o.MaxReusePassages);
        w.WriteNumber("examples_per_reason", o.ExamplesPerReason);
        w.WriteNumber("text_chars", o.MaxTextChars);
        w.WriteNumber("passage_chars", o.MaxPassageChars);
        w.WriteNumber("text_budget_chars", o.TextBudgetChars);
        w.WriteNumber("preview_chars", o.PreviewChars);
        w.WriteEndObject();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
