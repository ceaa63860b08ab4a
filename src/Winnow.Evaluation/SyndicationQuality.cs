using Winnow.Documents;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Synth;

namespace Winnow.Evaluation;

/// <summary>
/// Near-dedup quality on real article texts with generated syndicated copies (<see cref="SyndicatedCopies"/>).
/// Recall: of the copies whose exact 5-gram Jaccard to their original is ≥ the threshold. Precision:
/// a predicted pair is correct when both are the original or copies of one article (the light copy
/// or the heavy one, with a paragraph dropped, however similar; a far variant, 25% of the words
/// edited, is not a copy), or when its two texts are exactly ≥ threshold similar.
/// </summary>
/// <remarks>Thread-safe: stateless; each call uses its own scratch folder.</remarks>
internal static class SyndicationQuality
{
    public readonly record struct Report(int Docs, int TruthClusters, int PredictedClusters, PairScoring.Result Pairs);

    public static Report Run(IReadOnlyList<string> articles, MinHashOptions options, int threads = 2)
    {
        options = options == default ? new MinHashOptions() : options;
        var copies = SyndicatedCopies.Create(articles);
        var hasher = new ShingleHasher(options.NGram, options.Seed);
        var sets = copies.Select(c => PairScoring.ShingleSet(hasher, c.Text)).ToArray();
        double Jaccard(int a, int b) => ShingleStore.Jaccard(sets[a], sets[b]);

        var original = copies.Select((c, i) => (c, i)).Where(x => x.c.Id == $"a{x.c.Group}").ToDictionary(x => x.c.Group, x => x.i);
        var truthLabels = Enumerable.Range(0, copies.Count)
            .Select(i => Jaccard(i, original[copies[i].Group]) >= options.Threshold ? copies[i].Group : -1L - i).ToList();
        bool SameArticle(int a, int b) => copies[a].Group == copies[b].Group && !IsFar(a) && !IsFar(b);
        bool IsFar(int i) => copies[i].Id.EndsWith("-far", StringComparison.Ordinal);

        var predicted = Predict(copies, options, threads);
        var pairs = PairScoring.Score(predicted, truthLabels, (a, b) => SameArticle(a, b) || Jaccard(a, b) >= options.Threshold);
        return new Report(copies.Count, truthLabels.GroupBy(l => l).Count(g => g.Count() > 1), predicted.Where(l => l >= 0).Distinct().Count(), pairs);
    }

    private static List<long> Predict(List<SyndicatedCopies.Copy> copies, MinHashOptions options, int threads)
    {
        var work = Path.Combine(Path.GetTempPath(), "winnow-syndication-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var docs = copies.Select((c, i) => new Document(c.Id, c.Text, new DocumentSource("articles", i + 1, 0), i, c.Text.Length)).ToList();
            var context = new StageContext(work, work, threads, CancellationToken.None);
            using var run = (NearDedupRun)new NearDedupStage(options).Start(context);
            run.Observe(docs);
            run.Resolve();
            var labels = Enumerable.Range(0, docs.Count).Select(i => -1L - i).ToList();
            foreach (var cluster in run.Clusters)
            {
                foreach (var member in cluster.Members)
                {
                    labels[(int)member.Ordinal] = cluster.Id;
                }
            }

            return labels;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
