using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Winnow.Documents;
using Winnow.Evaluation;
using Winnow.NearDedup;
using Winnow.Synth;

namespace Winnow.Bench;

/// <summary>Near-dedup benchmarks: signature throughput, synthetic corpora, quality against truth and agreement with datasketch.</summary>
internal static class NearDupBench
{
    /// <summary>`neardup-synth DOCS OUT.jsonl`: a synthetic corpus with truth (see docs/synth.md).</summary>
    public static void Synth(int docs, string output)
    {
        var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = docs, Seed = 1 }, output);
        Console.WriteLine($"synth: {summary.Docs:N0} docs, {summary.DocsBytes / 1e6:N1} MB, {summary.Clusters:N0} clusters in {summary.Elapsed.TotalSeconds:N1}s -> {summary.DocsPath}, {summary.TruthPath}");
    }

    /// <summary>`neardup-sign DOCS.jsonl [THREADS]`: shingling + MinHash + band keys only, texts in memory.</summary>
    public static void Sign(string path, int threads)
    {
        var docs = ReadDocs(path).Select((d, i) => new Document(d.Id, d.Text, new DocumentSource(path, i + 1, 0), i, 0)).ToList();
        var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        var options = new MinHashOptions();
        var signer = new BatchSigner(options, options.Lsh, new MinHashSigner(options.NumPerm, options.Seed));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < 3; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var batch in docs.Chunk(4096))
            {
                signer.Sign(batch, parallel);
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        // Where one thread's time goes: tokenize + shingle hashes alone, then + MinHash, then + band keys.
        var hasher = new ShingleHasher(options.NGram, options.Seed);
        var minhash = new MinHashSigner(options.NumPerm, options.Seed);
        var shingles = new ulong[1024];
        var signature = new uint[options.NumPerm];
        var lsh = options.Lsh;
        var keys = new BandRecord[lsh.Bands];
        process.Refresh();
        var wordsStart = process.TotalProcessorTime;
        for (var i = 0; i < docs.Count; i++)
        {
            hasher.WordHashes(docs[i].Text);
        }

        process.Refresh();
        var wordsOnly = (process.TotalProcessorTime - wordsStart).TotalSeconds;
        var phases = new double[3];
        for (var phase = 0; phase < 3; phase++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < docs.Count; i++)
            {
                var count = hasher.Hash(docs[i].Text, ref shingles);
                if (phase > 0 && count > 0)
                {
                    minhash.Sign(shingles.AsSpan(0, count), signature);
                    if (phase > 1)
                    {
                        BandKeys.Compute(signature, lsh, options.Seed, (uint)i, keys);
                    }
                }
            }

            process.Refresh();
            phases[phase] = (process.TotalProcessorTime - start).TotalSeconds;
        }

        Console.WriteLine($"1 thread, CPU: tokenize+word hashes {wordsOnly:N3}s, tokenize+shingle {phases[0]:N3}s ({bytes / 1e6 / phases[0]:N0} MB/s), +MinHash {phases[1] - phases[0]:N3}s, +band keys {phases[2] - phases[1]:N3}s");

        // CPU seconds measure per-core speed even when other jobs share the cores; wall time is what a user waits.
        Console.WriteLine($"signatures ({threads} thread(s), num_perm {options.NumPerm}, 5-grams): {docs.Count:N0} docs, {bytes / 1e6:N1} MB text; " +
            $"wall {best:N3}s = {bytes / 1e6 / best:N1} MB/s; CPU {bestCpu:N3}s = {bytes / 1e6 / bestCpu:N1} MB/s per core (best of 3)");
    }

    /// <summary>`neardup-score DOCS.jsonl TRUTH.jsonl CLUSTERS.jsonl [THRESHOLD]`: pair precision/recall and ARI against synth truth.</summary>
    public static void Score(string docsPath, string truthPath, string clustersPath, double threshold)
    {
        var truth = ReadLines(truthPath).Select(o => (Id: o.GetProperty("id").GetString()!, Cluster: o.GetProperty("cluster").GetString()!, Jaccard: o.GetProperty("jaccard").GetDouble())).ToList();
        var predicted = PredictedLabels(clustersPath);
        var ids = truth.Select(t => t.Id).ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (long)x.i);
        long Label(string id) => predicted.TryGetValue(id, out var c) ? c : -1 - index[id];

        // Strict truth: the derivation cluster, but only for copies at or above the threshold.
        var strict = truth.Select(t => t.Jaccard >= threshold ? index[t.Cluster] : -1 - index[t.Id]).ToList();
        var loose = truth.Select(t => index[t.Cluster]).ToList();
        var labels = ids.Select(Label).ToList();
        var s = ClusterQuality.Score(strict, labels);
        var l = ClusterQuality.Score(loose, labels);

        // A predicted pair outside one strict-truth cluster is still right when the two texts are exactly >= threshold similar.
        var hasher = new ShingleHasher(5, 1);
        var sets = new ulong[truth.Count][];
        foreach (var (id, text) in ReadDocs(docsPath))
        {
            sets[index[id]] = PairScoring.ShingleSet(hasher, text);
        }

        bool Similar(int a, int b) => ShingleStore.Jaccard(sets[a], sets[b]) >= threshold;
        var exact = PairScoring.Score(labels, strict, Similar);

        // Single-linkage truth: within each derivation cluster, the components of "exact J >= threshold".
        var linked = new UnionFind(truth.Count);
        foreach (var group in Enumerable.Range(0, truth.Count).GroupBy(i => loose[i]).Where(g => g.Count() > 1))
        {
            var members = group.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    if (Similar(members[x], members[y]))
                    {
                        linked.Union((uint)members[x], (uint)members[y]);
                    }
                }
            }
        }

        var chained = PairScoring.Score(labels, [.. Enumerable.Range(0, truth.Count).Select(i => (long)linked.Find((uint)i))], Similar);
        Console.WriteLine($"docs {truth.Count:N0}; predicted pairs {s.PredictedPairs:N0}; truth pairs (J >= {threshold}) {s.TruePairs:N0}");
        Console.WriteLine($"pairwise truth (same original with J >= {threshold} to it, or exact J(a,b) >= {threshold}): pair precision {exact.Precision:F4}  pair recall {exact.Recall:F4}");
        Console.WriteLine($"single-linkage truth (chains of exact J >= {threshold} within a story, {chained.TruePairs:N0} pairs): pair precision {chained.Precision:F4}  pair recall {chained.Recall:F4}");
        Console.WriteLine($"vs truth with J >= {threshold} only: pair precision {s.Precision:F4}  pair recall {s.Recall:F4}  ARI {s.AdjustedRandIndex:F4}");
        Console.WriteLine($"vs derivation clusters (any J): pair precision {l.Precision:F4}  pair recall {l.Recall:F4}  ARI {l.AdjustedRandIndex:F4}");
    }

    /// <summary>`neardup-articles [BANDS ROWS VERIFY]`: real article bodies (shared data) with generated syndicated copies.</summary>
    public static int Articles(MinHashOptions options)
    {
        var bench = SharedData.Data("article-extraction-benchmark");
        if (bench is null)
        {
            Console.Error.WriteLine("shared/data/article-extraction-benchmark is absent");
            return 1;
        }

        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        var articles = truth.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString() ?? string.Empty).ToList();
        var report = SyndicationQuality.Run(articles, options);
        Console.WriteLine($"articles {articles.Count}, docs {report.Docs} (originals + syndicated copies + far variants); {options.Lsh.Bands}x{options.Lsh.Rows}, verify {options.Verify}");
        Console.WriteLine($"truth clusters {report.TruthClusters}, predicted {report.PredictedClusters}; predicted pairs {report.Pairs.PredictedPairs}, truth pairs {report.Pairs.TruePairs}; " +
            $"pair precision {report.Pairs.Precision:F4}  pair recall {report.Pairs.Recall:F4}");
        return 0;
    }

    /// <summary>`neardup-agree DOCS.jsonl OURS.jsonl DATASKETCH.jsonl`: do both call the same documents duplicates?</summary>
    public static void Agree(string docsPath, string ours, string theirs)
    {
        var ids = ReadDocs(docsPath).Select(d => d.Id).ToList();
        var a = PredictedLabels(ours);
        var b = new Dictionary<string, long>();
        var n = 0L;
        foreach (var line in File.ReadLines(theirs))
        {
            foreach (var id in JsonSerializer.Deserialize<string[]>(line)!)
            {
                b[id] = n;
            }

            n++;
        }

        var same = ids.Count(id => a.ContainsKey(id) == b.ContainsKey(id));
        var both = ids.Count(id => a.ContainsKey(id) && b.ContainsKey(id));
        var union = ids.Count(id => a.ContainsKey(id) || b.ContainsKey(id));
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (long)x.i);
        var ari = ClusterQuality.Score(ids.Select(id => a.TryGetValue(id, out var c) ? c : -1 - index[id]).ToList(), ids.Select(id => b.TryGetValue(id, out var c) ? c : -1 - index[id]).ToList());
        Console.WriteLine($"docs {ids.Count:N0}; in a cluster: ours {a.Count:N0}, datasketch {b.Count:N0}; agreement on 'is in a duplicate cluster' {(double)same / ids.Count:F4}; " +
            $"Jaccard of the two duplicate sets {(double)both / Math.Max(1, union):F4}; ARI between the clusterings {ari.AdjustedRandIndex:F4}");
    }

    private static Dictionary<string, long> PredictedLabels(string clustersPath)
    {
        var labels = new Dictionary<string, long>();
        foreach (var o in ReadLines(clustersPath))
        {
            var cluster = o.GetProperty("cluster").GetInt64();
            foreach (var m in o.GetProperty("members").EnumerateArray())
            {
                labels[m.GetProperty("id").GetString()!] = cluster;
            }
        }

        return labels;
    }

    private static IEnumerable<(string Id, string Text)> ReadDocs(string path) =>
        ReadLines(path).Select(o => (o.GetProperty("id").GetString()!, o.GetProperty("text").GetString() ?? string.Empty));

    private static IEnumerable<JsonElement> ReadLines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return JsonDocument.Parse(line).RootElement;
            }
        }
    }
}
