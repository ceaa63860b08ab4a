using Winnow.NearDedup;

namespace Winnow.Evaluation;

/// <summary>
/// Pair precision and recall of predicted clusters. A predicted pair is correct when the caller's
/// judge says so (benchmarks: same truth cluster, or exact Jaccard of the two texts ≥ the
/// threshold), so chaining that joins two genuinely similar copies is not counted as an error.
/// Recall: the share of truth pairs (two documents of one truth cluster) in one predicted cluster.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class PairScoring
{
    public readonly record struct Result(long PredictedPairs, long CorrectPairs, long TruePairs, long FoundPairs)
    {
        public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

        public double Recall => TruePairs == 0 ? 1 : (double)FoundPairs / TruePairs;
    }

    /// <param name="predicted">Predicted cluster label per document.</param>
    /// <param name="truth">Truth cluster label per document (singletons: a label of their own).</param>
    /// <param name="judge">Whether a predicted pair of documents from different truth clusters is still correct.</param>
    public static Result Score(IReadOnlyList<long> predicted, IReadOnlyList<long> truth, Func<int, int, bool> judge)
    {
        long predictedPairs = 0, correct = 0, truePairs = 0, found = 0;
        foreach (var group in Enumerable.Range(0, predicted.Count).GroupBy(i => predicted[i]).Where(g => g.Count() > 1))
        {
            var members = group.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    predictedPairs++;
                    var same = truth[members[x]] == truth[members[y]];
                    found += same ? 1 : 0;
                    correct += same || judge(members[x], members[y]) ? 1 : 0;
                }
            }
        }

        foreach (var group in Enumerable.Range(0, truth.Count).GroupBy(i => truth[i]))
        {
            long n = group.Count();
            truePairs += n * (n - 1) / 2;
        }

        return new Result(predictedPairs, correct, truePairs, found);
    }

    /// <summary>The sorted, distinct shingle hashes of a text (same tokens and shingles as the stage).</summary>
    public static ulong[] ShingleSet(ShingleHasher hasher, string text)
    {
        var buffer = new ulong[256];
        var count = hasher.HashSet(text, ref buffer); // may grow buffer
        return buffer[..count];
    }
}
