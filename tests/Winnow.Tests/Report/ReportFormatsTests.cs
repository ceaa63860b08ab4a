using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Winnow.Synth;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;

namespace Winnow.Tests.Report;

/// <summary>The report of a run written as Parquet, zstd JSONL or another tool's layout shows what the report of our JSONL shows.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class ReportFormatsTests
{
    private static JsonObject Data(string run)
    {
        var html = File.ReadAllText(Path.Combine(run, "report.html"));
        var json = DataScript().Match(html).Groups[1].Value;
        return JsonNode.Parse(json)!.AsObject();
    }

    [Theory]
    [InlineData("--output-format", "parquet")]
    [InlineData("--compress", "zstd")]
    [InlineData("--layout", "dolma")]
    [InlineData("--layout", "datatrove")]
    public void TheReportOfAnyOutputFormatShowsTheSameClustersDocumentsAndExamples(string option, string value)
    {
        using var dir = new TempDir();
        SyntheticCorpus.Generate(new SynthOptions { Docs = 300, Seed = 17 }, dir["in/news.jsonl"]);
        CliRun.Ok("run", dir["in/news.jsonl"], "--out", dir["jsonl"], "-t", "2");
        CliRun.Ok("run", dir["in/news.jsonl"], "--out", dir["other"], "-t", "2", option, value);
        var (want, got) = (Data(dir["jsonl"]), Data(dir["other"]));
        Assert.True(want["clusters"]!.AsArray().Count > 5);
        Assert.True(want["stats"]!["tokens"]!["kept"]!.GetValue<long>() > 0);
        foreach (var key in new[] { "clusters", "docs", "removed_examples", "attributes", "attribute_examples", "histogram", "counts" })
        {
            Assert.True(JsonNode.DeepEquals(want[key], got[key]), $"{key} differs with {option} {value}");
        }

        Assert.True(JsonNode.DeepEquals(want["stats"]!["tokens"], got["stats"]!["tokens"]));
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"winnow-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();
}
