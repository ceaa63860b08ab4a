using System.Diagnostics;
using System.Globalization;
using System.Text;
using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// `extract-datasets`: main-content F1 (the article-extraction benchmark's metric, no URL) of
/// Winnow through the shipped path on every dataset — the benchmark and the development set —
/// beside trafilatura and Readability.js, in one table.
/// </summary>
internal static class ExtractionDatasets
{
    private const string Begin = "<!-- extract-datasets:begin -->";
    private const string End = "<!-- extract-datasets:end -->";

    public static int Run(string[] args)
    {
        var root = SharedData.Root();
        if (root is null)
        {
            Console.Error.WriteLine("../shared/data not found (or set WINNOW_SHARED)");
            return 1;
        }

        var peers = Value(args, "--peers") ?? Path.Combine(Path.GetTempPath(), "winnow-extract-peers");
        var runPeers = args.Contains("--run-peers");
        var verbose = args.Contains("--verbose");
        var options = new ExtractionOptions { Parser = ParserArgument.Of(args) };
        Directory.CreateDirectory(peers);

        var datasets = ExtractionDataset.FindAll(Path.Combine(root, "data"));
        var columns = new List<(string Key, string Heading)> { ("winnow", "Winnow") };
        columns.AddRange(PeerExtractors.Known.Select(p => (p.Key, p.Heading)));
        columns.AddRange(ExtraColumns(peers, datasets));
        var scores = new Dictionary<(string Dataset, string Column), DatasetScore>();
        foreach (var dataset in datasets)
        {
            var clock = Stopwatch.StartNew();
            var ours = ShippedExtraction.Texts(dataset.HtmlFolder, options);
            scores[(dataset.Name, "winnow")] = dataset.Score(ours);
            if (Value(args, "--save-as") is { } saveAs)
            {
                // Kept beside the peers' outputs: later runs show it as a column (a before/after comparison).
                Save(Path.Combine(peers, $"{dataset.Name}.{saveAs}.jsonl"), ours);
            }

            Console.Error.WriteLine($"{dataset.Name}: {dataset.Truth.Count} pages extracted in {clock.Elapsed.TotalSeconds:F1} s");
            foreach (var (key, _) in columns.Skip(1))
            {
                var cache = Path.Combine(peers, $"{dataset.Name}.{key}.jsonl");
                var peer = PeerExtractors.Known.FirstOrDefault(p => p.Key == key);
                if (!File.Exists(cache) && runPeers && peer.Key is not null)
                {
                    var took = PeerExtractors.Run(Path.Combine(root, "anchors"), peer, dataset.HtmlFolder, cache);
                    Console.Error.WriteLine($"{dataset.Name}: {key} ran in {took.TotalSeconds:F1} s");
                }

                if (PeerExtractors.Load(cache) is { } texts)
                {
                    scores[(dataset.Name, key)] = dataset.Score(texts);
                }
            }
        }

        var table = Table(datasets, columns, scores, options.Parser);
        Console.WriteLine(table);
        if (verbose)
        {
            Losses(datasets, columns, scores);
        }

        if (Value(args, "--doc") is { } doc)
        {
            WriteInto(doc, table);
        }

        return 0;
    }

    private static string Table(List<ExtractionDataset> datasets, List<(string Key, string Heading)> columns,
        Dictionary<(string, string), DatasetScore> scores, HtmlParserKind parser)
    {
        var text = new StringBuilder();
        text.Append("| dataset | pages |");
        foreach (var (_, heading) in columns)
        {
            text.Append(CultureInfo.InvariantCulture, $" {heading} |");
        }

        text.AppendLine().Append("| --- | ---: |").AppendLine(string.Concat(columns.Select(_ => " ---: |")));
        foreach (var dataset in datasets)
        {
            Row(text, dataset.Name, dataset.Truth.Count, columns, c => scores.GetValueOrDefault((dataset.Name, c)) is { } s ? (s.Precision, s.Recall, s.F1) : null);
        }

        var development = datasets.Where(d => d.Name != "article-extraction-benchmark").ToList();
        if (development.Count > 1)
        {
            var pages = development.Sum(d => d.Truth.Count);
            Row(text, "development set, pooled", pages, columns, c => development.All(d => scores.ContainsKey((d.Name, c)))
                ? ShingleScore.Aggregate(development.SelectMany(d => scores[(d.Name, c)].Pages.Values))
                : null);
            Row(text, "development set, macro", pages, columns, c => development.All(d => scores.ContainsKey((d.Name, c)))
                ? (development.Average(d => scores[(d.Name, c)].Precision), development.Average(d => scores[(d.Name, c)].Recall), development.Average(d => scores[(d.Name, c)].F1))
                : null);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"F1 to four places (precision / recall); Winnow through the `winnow extract` path, {parser} parser, no URL.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, int pages, List<(string Key, string Heading)> columns,
        Func<string, (double P, double R, double F1)?> score)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {name} | {pages:N0} |");
        var values = columns.Select(c => score(c.Key)).ToList();
        var best = values.Max(v => v?.F1 ?? -1);
        foreach (var v in values)
        {
            if (v is not { } s)
            {
                text.Append(" — |");
                continue;
            }

            var f1 = s.F1.ToString("F4", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $" {(s.F1 == best ? $"**{f1}**" : f1)} ({s.P:F3} / {s.R:F3}) |");
        }

        text.AppendLine();
    }

    // Pages where Winnow's F1 is furthest below the best peer's: where to look, not what to tune on.
    private static void Losses(List<ExtractionDataset> datasets, List<(string Key, string Heading)> columns, Dictionary<(string, string), DatasetScore> scores)
    {
        foreach (var dataset in datasets)
        {
            var ours = scores[(dataset.Name, "winnow")];
            var peers = columns.Skip(1).Select(c => scores.GetValueOrDefault((dataset.Name, c.Key))).OfType<DatasetScore>().ToList();
            var gaps = ours.Pages
                .Select(p => (Id: p.Key, Ours: DatasetScore.PageF1(p.Value), Best: peers.Count == 0 ? 1 : peers.Max(s => DatasetScore.PageF1(s.Pages[p.Key])), p.Value))
                .OrderBy(g => g.Ours - g.Best).Take(30);
            Console.WriteLine($"{dataset.Name}: pages furthest below the best peer");
            foreach (var g in gaps)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Id,-20} F1 {g.Ours:F3} (P {g.Value.Precision:F3} R {g.Value.Recall:F3}), best peer {g.Best:F3}"));
            }
        }
    }

    // Any other DATASET.NAME.jsonl in the cache (say, an earlier build's `winnow extract` output) is a column too.
    private static IEnumerable<(string Key, string Heading)> ExtraColumns(string peers, List<ExtractionDataset> datasets)
    {
        var known = PeerExtractors.Known.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return Directory.GetFiles(peers, "*.jsonl")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => datasets.Select(d => d.Name + ".").FirstOrDefault(p => n!.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? n![prefix.Length..] : null)
            .OfType<string>().Where(k => !known.Contains(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (k, k));
    }

    private static void WriteInto(string doc, string table)
    {
        var text = File.ReadAllText(doc);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            Console.Error.WriteLine($"{doc}: no {Begin} … {End} block to replace; the table was not written");
            return;
        }

        File.WriteAllText(doc, string.Concat(text.AsSpan(0, begin + Begin.Length), "\n", table, text.AsSpan(end)));
        Console.Error.WriteLine($"table written into {doc}");
    }

    private static void Save(string path, Dictionary<string, string?> texts)
    {
        using var writer = new StreamWriter(path);
        foreach (var (id, text) in texts)
        {
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?> { ["file"] = id, ["text"] = text }));
        }
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
