using System.Text.Json;
using Winnow.Cli;
using Winnow.Evaluation;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

/// <summary>
/// The benchmarks measure what users run: on every shared page, the harness
/// (<see cref="ShippedExtraction"/>), `winnow extract` and `winnow run` give the same text.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ShippedPathTests
{
    [SharedDataFact("data/article-extraction-benchmark")]
    public void HarnessExtractCommandAndRunGiveTheSameTextOnEverySharedPage()
    {
        var datasets = ExtractionDataset.FindAll(SharedData.Folder("data")!);
        Assert.NotEmpty(datasets);
        using var dir = new TempDir();
        foreach (var dataset in datasets)
        {
            var harness = ShippedExtraction.Texts(dataset.HtmlFolder);
            Assert.Equal(dataset.Truth.Count, harness.Count);

            var jsonl = dir[dataset.Name + ".jsonl"];
            var (code, _, error) = CliTests.Capture(() => Program.Run(["extract", dataset.HtmlFolder, "--out", jsonl, "-q", "-t", "2"]));
            Assert.True(code == 0, error);
            var command = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(jsonl))
            {
                using var record = JsonDocument.Parse(line);
                command[ExtractionDataset.IdOf(record.RootElement.GetProperty("file").GetString()!)] = record.RootElement.GetProperty("text").GetString()!;
            }

            var run = dir[dataset.Name + "-run"];
            (code, _, error) = CliTests.Capture(() => Program.Run(["run", dataset.HtmlFolder, "--out", run, "--no-filters", "--no-near-dedup", "--no-report", "-q", "-t", "2"]));
            Assert.True(code == 0, error);
            var pipeline = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var record in RunOutputReader.Records(run, "documents").Concat(RunOutputReader.Records(run, "removed")))
            {
                pipeline[ExtractionDataset.IdOf(record["id"]!.GetValue<string>())] = record["text"]!.GetValue<string>();
            }

            var differ = harness.Where(p => command.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToList();
            Assert.True(differ.Count == 0, $"{dataset.Name}: the command differs from the harness on {differ.Count} pages, e.g. {string.Join(", ", differ.Take(5))}");
            differ = harness.Where(p => pipeline.GetValueOrDefault(p.Key) != (p.Value ?? "")).Select(p => p.Key).ToList();
            Assert.True(differ.Count == 0, $"{dataset.Name}: `winnow run` differs from the harness on {differ.Count} pages, e.g. {string.Join(", ", differ.Take(5))}");
        }
    }
}
