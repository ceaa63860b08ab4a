using System.Text.Json;
using System.Text.Json.Nodes;
using Winnow.Synth;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>--layout dolma and --layout datatrove: what those tools read, and read back by us as the same documents.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class OutputLayoutTests
{
    private static readonly string[] DolmaFields = ["id", "text", "source", "added", "created", "metadata"];

    /// <summary>A synthetic news corpus (metadata: site, author, title, date; PII and copies among its documents) and its run in our own layout.</summary>
    private static string Corpus(TempDir dir)
    {
        SyntheticCorpus.Generate(new SynthOptions { Docs = 300, Seed = 11 }, dir["in/news.jsonl"]);
        CliRun.Ok("run", dir["in"], "--out", dir["winnow"], "--no-report", "-t", "2");
        return dir["in"];
    }

    private static long CodePoints(string text) => text.EnumerateRunes().LongCount();

    [Fact]
    public void DolmaDocumentsFollowDolmasSchemaAndTheirAttributeFilesLineUpWithThem()
    {
        using var dir = new TempDir();
        var input = Corpus(dir);
        var stats = CliRun.Ok("run", input, "--out", dir["dolma"], "--no-report", "-t", "2", "--layout", "dolma", "--part-docs", "100");
        var documents = Records(dir["dolma"], "documents");
        var ours = Records(dir["winnow"], "documents");
        Assert.Equal(ours.Count, documents.Count);
        foreach (var (doc, own) in documents.Zip(ours))
        {
            Assert.All(doc.Select(p => p.Key), key => Assert.Contains(key, DolmaFields));
            Assert.Equal(JsonValueKind.String, doc["id"]!.GetValueKind());
            Assert.Equal(JsonValueKind.String, doc["text"]!.GetValueKind());
            Assert.Equal("news.jsonl", doc["source"]!.GetValue<string>());
            Assert.Equal(own["id"]!.GetValue<string>(), doc["id"]!.GetValue<string>());
            Assert.Equal(own["text"]!.GetValue<string>(), doc["text"]!.GetValue<string>());
            var metadata = doc["metadata"]!.AsObject();
            Assert.Equal(own["url"]?.GetValue<string>(), metadata["url"]?.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(own["source"], metadata["winnow"]!["source"]));
            Assert.True(JsonNode.DeepEquals(own["attributes"], metadata["winnow"]!["attributes"]));
            foreach (var (name, value) in own["metadata"]!.AsObject())
            {
                Assert.True(JsonNode.DeepEquals(value, metadata[name]), $"metadata.{name} of {own["id"]}");
            }
        }

        // attributes/winnow/ has a file for each documents/ file, with its documents line for line.
        var files = Directory.GetFiles(dir["dolma/documents"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 2);
        Assert.Equal(files, Directory.GetFiles(dir["dolma/attributes/winnow"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(files.Select(f => "attributes/winnow/" + f), stats["outputs"]!["attributes/winnow"]!.AsArray().Select(f => f!.GetValue<string>()));
        var spans = 0;
        foreach (var file in files)
        {
            var docs = File.ReadLines(Path.Combine(dir["dolma/documents"], file!)).Select(l => JsonNode.Parse(l)!).ToList();
            var attributes = File.ReadLines(Path.Combine(dir["dolma/attributes/winnow"], file!)).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(docs.Select(d => d["id"]!.GetValue<string>()), attributes.Select(a => a["id"]!.GetValue<string>()));
            Assert.Equal(docs.Select(d => d["source"]!.GetValue<string>()), attributes.Select(a => a["source"]!.GetValue<string>()));
            foreach (var (doc, record) in docs.Zip(attributes))
            {
                var length = CodePoints(doc["text"]!.GetValue<string>());
                foreach (var (name, list) in record["attributes"]!.AsObject())
                {
                    Assert.StartsWith("winnow__", name, StringComparison.Ordinal);
                    foreach (var span in list!.AsArray())
                    {
                        var (start, end) = (span![0]!.GetValue<long>(), span[1]!.GetValue<long>());
                        Assert.True(0 <= start && start <= end && end <= length, $"{name} {span.ToJsonString()} in a text of {length}");
                        Assert.Equal(JsonValueKind.Number, span[2]!.GetValueKind());
                        spans++;
                    }
                }
            }
        }

        Assert.True(spans > 10, $"{spans} spans");
    }

    [Theory]
    [InlineData("dolma", "jsonl")]
    [InlineData("datatrove", "jsonl")]
    [InlineData("datatrove", "parquet")]
    public void OurOutputInALayoutReadBackAsInputGivesTheSameDocuments(string layout, string format)
    {
        using var dir = new TempDir();
        var input = Corpus(dir);
        CliRun.Ok("run", input, "--out", dir["out"], "--no-report", "-t", "2", "--layout", layout, "--output-format", format);
        CliRun.Ok("run", dir["out/documents"], "--out", dir["again"], "--no-report", "--no-filters", "--no-exact", "--no-near-dedup");
        var again = Records(dir["again"], "documents");
        var ours = Records(dir["winnow"], "documents");
        Assert.Equal(ours.Count, again.Count);
        foreach (var (doc, own) in again.Zip(ours))
        {
            Assert.Equal(own["id"]!.GetValue<string>(), doc["id"]!.GetValue<string>());
            Assert.Equal(own["text"]!.GetValue<string>(), doc["text"]!.GetValue<string>());
            var metadata = doc["metadata"]!.AsObject();
            foreach (var (name, value) in own["metadata"]!.AsObject())
            {
                Assert.True(JsonNode.DeepEquals(value, metadata[name]), $"metadata.{name} of {own["id"]}");
            }

            Assert.Equal(own["url"]?.GetValue<string>(), (doc["url"] ?? metadata["url"])?.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(own["source"], metadata["winnow"]!["source"]));
            Assert.True(JsonNode.DeepEquals(own["attributes"], metadata["winnow"]!["attributes"]));
        }

        // Run again in the same layout, the earlier run's object is replaced, not nested.
        CliRun.Ok("run", dir["out/documents"], "--out", dir["twice"], "--no-report", "--no-filters", "--no-exact", "--no-near-dedup", "--layout", layout, "--output-format", format);
        var twice = Records(dir["twice"], "documents");
        Assert.Equal(ours.Count, twice.Count);
        if (format == "parquet")
        {
            // Records() takes a DataTrove Parquet row back apart: the run's object is the second run's source.
            Assert.All(twice, d => Assert.StartsWith("part-00000", d["source"]!["file"]!.GetValue<string>(), StringComparison.Ordinal));
            Assert.All(twice, d => Assert.Null(d["metadata"]!["winnow"]));
        }
        else
        {
            Assert.All(twice, d => Assert.StartsWith("part-00000", d["metadata"]!["winnow"]!["source"]!["file"]!.GetValue<string>(), StringComparison.Ordinal));
            Assert.All(twice, d => Assert.Null(d["metadata"]!["winnow"]!["metadata"]));
            Assert.All(twice, d => Assert.Null(d["metadata"]!["winnow"]!["winnow"]));
        }
    }

    [Fact]
    public void DataTroveParquetHasTextIdAndAMetadataObjectThatDuckDbParses()
    {
        using var dir = new TempDir();
        var input = Corpus(dir);
        CliRun.Ok("run", input, "--out", dir["out"], "--no-report", "-t", "2", "--layout", "datatrove", "--output-format", "parquet");
        var columns = DuckDb.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({DuckDb.Quote(dir["out/removed/*.parquet"])}))");
        Assert.Equal(["text", "id", "metadata"], columns.Select(c => (string)c[0]!));
        var rows = DuckDb.Query($"SELECT id, json_extract_string(metadata, '$.winnow.removed.reason'), json_extract_string(metadata, '$.site') FROM read_parquet({DuckDb.Quote(dir["out/removed/*.parquet"])}) ORDER BY filename, file_row_number");
        var removed = Records(dir["winnow"], "removed");
        Assert.Equal(removed.Select(r => r["id"]!.GetValue<string>()), rows.Select(r => (string)r[0]!));
        Assert.Equal(removed.Select(r => r["removed"]!["reason"]!.GetValue<string>()), rows.Select(r => (string)r[1]!));
        Assert.Equal(removed.Select(r => r["metadata"]?["site"]?.GetValue<string>()), rows.Select(r => (string?)r[2]));
        Assert.Contains(rows, r => r[2] is string);
    }

    [Fact]
    public void DolmaIsWrittenAsJsonlOnly()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.jsonl"], "{\"text\": \"a\"}\n");
        CliRun.Fails(1, "--layout dolma", "run", dir["a.jsonl"], "--out", dir["out"], "--layout", "dolma", "--output-format", "parquet");
    }
}
