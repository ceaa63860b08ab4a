namespace Winnow.Evaluation;

/// <summary>Scores a clustering against ground truth: pair precision, pair recall and the adjusted Rand index.</summary>
/// <remarks>Labels are per document; every document needs one (singletons get labels of their own). Thread-safe: stateless.</remarks>
internal static class ClusterQuality
{
    public readonly record struct Scores(long TruePairs, long PredictedPairs, long CommonPairs, double Precision, double Recall, double AdjustedRandIndex);

    public static Scores Score(IReadOnlyList<long> truth, IReadOnlyList<long> predicted)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("one label per document in both", nameof(predicted));
        }

        var cells = new Dictionary<(long, long), long>();
        var rows = new Dictionary<long, long>();
        var columns = new Dictionary<long, long>();
        for (var i = 0; i < truth.Count; i++)
        {
            cells[(truth[i], predicted[i])] = cells.GetValueOrDefault((truth[i], predicted[i])) + 1;
            rows[truth[i]] = rows.GetValueOrDefault(truth[i]) + 1;
            columns[predicted[i]] = columns.GetValueOrDefault(predicted[i]) + 1;
        }

        var common = cells.Values.Sum(Pairs);
        var truePairs = rows.Values.Sum(Pairs);
        var predictedPairs = columns.Values.Sum(Pairs);
        var all = (double)Pairs(truth.Count);
        var expected = all == 0 ? 0 : truePairs * (double)predictedPairs / all;
        var max = (truePairs + predictedPairs) / 2.0;
        var ari = max == expected ? 1.0 : (common - expected) / (max - expected);
        return new Scores(
            truePairs,
            predictedPairs,
            common,
            predictedPairs == 0 ? 1 : (double)common / predictedPairs,
            truePairs == 0 ? 1 : (double)common / truePairs,
            ari);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
