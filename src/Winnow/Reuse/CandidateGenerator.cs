using Winnow.Spill;

namespace Winnow.Reuse;

/// <summary>Turns sorted fingerprint postings into counted candidate document pairs.</summary>
internal static class CandidateGenerator
{
    /// <summary>For each fingerprint in 2..MaxDf documents, every pair of them (same host skipped on request).</summary>
    public static void EmitPairs(IEnumerable<FingerprintRecord> sorted, ReuseOptions options, ExternalSorter<PairRecord> pairs, ReuseCounts counts)
    {
        var posting = new List<FingerprintRecord>(options.MaxDf + 1);
        var overflow = false;
        foreach (var record in sorted)
        {
            if (posting.Count > 0 && record.Hash != posting[0].Hash)
            {
                Flush(posting, overflow, options, pairs, counts);
                posting.Clear();
                overflow = false;
            }

            if (posting.Count > options.MaxDf)
            {
                overflow = true;
                continue;
            }

            posting.Add(record);
        }

        Flush(posting, overflow, options, pairs, counts);
    }

    /// <summary>Calls <paramref name="emit"/> for each distinct pair seen at least <paramref name="minCount"/> times, in order.</summary>
    public static void CountPairs(IEnumerable<PairRecord> sorted, int minCount, Action<PairRecord> emit)
    {
        PairRecord current = default;
        var count = 0;
        foreach (var pair in sorted)
        {
            if (count > 0 && pair == current)
            {
                count++;
                continue;
            }

            if (count >= minCount)
            {
                emit(current);
            }

            current = pair;
            count = 1;
        }

        if (count >= minCount && count > 0)
        {
            emit(current);
        }
    }

    private static void Flush(List<FingerprintRecord> posting, bool overflow, ReuseOptions options, ExternalSorter<PairRecord> pairs, ReuseCounts counts)
    {
        if (overflow || posting.Count > options.MaxDf)
        {
            counts.SkippedFingerprints++;
            return;
        }

        for (var x = 0; x < posting.Count; x++)
        {
            for (var y = x + 1; y < posting.Count; y++)
            {
                if (options.DifferentHosts && posting[x].Host == posting[y].Host)
                {
                    continue;
                }

                pairs.Add(new PairRecord(posting[x].Ordinal, posting[y].Ordinal));
                counts.PairRecords++;
            }
        }
    }
}
