namespace Winnow.Evaluation;

/// <summary>One extractor's scores on one dataset: per page, and the benchmark's corpus precision, recall and F1.</summary>
internal sealed class DatasetScore
{
    public DatasetScore(IReadOnlyDictionary<string, PageScore> pages)
    {
        Pages = pages;
        (Precision, Recall, F1) = ShingleScore.Aggregate(pages.Values);
    }

    public IReadOnlyDictionary<string, PageScore> Pages { get; }

    public double Precision { get; }

    public double Recall { get; }

    public double F1 { get; }

    /// <summary>The F1 of one page (0 when both precision and recall are 0).</summary>
    public static double PageF1(PageScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);
}
