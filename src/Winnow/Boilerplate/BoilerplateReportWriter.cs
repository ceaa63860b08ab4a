using Winnow.Writers;

namespace Winnow.Boilerplate;

/// <summary>Writes boilerplate.jsonl: one line per flagged paragraph, most widespread first.</summary>
internal static class BoilerplateReportWriter
{
    public static void Write(string path, IEnumerable<BoilerplateEntry> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var lines = new JsonLineWriter(stream, DocumentJson.WriterOptions);
        var json = lines.Json;
        foreach (var entry in entries.OrderByDescending(e => e.Documents).ThenBy(e => e.Hash))
        {
            json.WriteStartObject();
            json.WriteString("text", entry.Text);
            json.WriteString("kind", entry.IsLine ? "line" : "paragraph");
            json.WriteString("hash", entry.Hash.ToString("x16"));
            json.WriteNumber("docs", entry.Documents);
            json.WriteStartArray("groups");
            foreach (var (group, docs) in entry.Groups)
            {
                json.WriteStartObject();
                json.WriteString("group", group);
                json.WriteNumber("docs", docs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("examples");
            foreach (var id in entry.Examples)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            lines.EndLine();
        }
    }
}
