namespace Winnow.Synth;

/// <summary>
/// What <see cref="SyntheticCorpus.Generate"/> produces. Use <c>new SynthOptions { Docs = … }</c>: the
/// parameterless constructor sets the defaults below, whereas <c>default(SynthOptions)</c> has every field zero and
/// is rejected. Kind rates are fractions of all documents; whatever they leave over is original articles.
/// Immutable, so safe to share between threads.
/// </summary>
public readonly record struct SynthOptions
{
    /// <summary>Creates options with the documented defaults.</summary>
    public SynthOptions()
    {
    }

    /// <summary>Number of documents to write. Default 1000.</summary>
    public int Docs { get; init; } = 1000;

    /// <summary>Seed of every random choice; the same options always give byte-identical files. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Fraction of documents that are syndicated copies on another site. Default 0.20.</summary>
    public double SyndicatedRate { get; init; } = 0.20;

    /// <summary>Fraction of documents whose text is byte-identical to an original. Default 0.05.</summary>
    public double ExactCopyRate { get; init; } = 0.05;

    /// <summary>Fraction of documents that differ from an original only in whitespace, case or punctuation. Default 0.05.</summary>
    public double NearCopyRate { get; init; } = 0.05;

    /// <summary>Fraction of documents rewritten from an original so heavily that they must not cluster with it. Default 0.05.</summary>
    public double FarVariantRate { get; init; } = 0.05;

    /// <summary>Probability that an original article quotes a passage of an earlier article. Default 0.20.</summary>
    public double PassageRate { get; init; } = 0.20;

    /// <summary>Probability that an article carries each of its author's promotional paragraphs. Default 0.6.</summary>
    public double PromoRate { get; init; } = 0.6;

    /// <summary>Highest word edit rate of a syndicated copy; 30% of copies get none at all. Default 0.05.</summary>
    public double SyndicatedMaxEditRate { get; init; } = 0.05;

    /// <summary>Lowest word edit rate of a far variant. Default 0.15.</summary>
    public double FarMinEditRate { get; init; } = 0.15;

    /// <summary>Highest word edit rate of a far variant. Default 0.30.</summary>
    public double FarMaxEditRate { get; init; } = 0.30;

    /// <summary>Probability that a syndicated copy or far variant drops one or two body paragraphs. Default 0.25.</summary>
    public double ParagraphDropRate { get; init; } = 0.25;

    /// <summary>Probability that a syndicated copy or far variant swaps two adjacent body paragraphs. Default 0.2.</summary>
    public double ReorderRate { get; init; } = 0.2;

    /// <summary>Probability that a syndicated copy or far variant loses the tail of its body (5–45%). Default 0.15.</summary>
    public double TruncationRate { get; init; } = 0.15;

    /// <summary>Highest word substitution rate inside a quoted passage; half the passages are verbatim. Default 0.05.</summary>
    public double PassageMaxEditRate { get; init; } = 0.05;

    /// <summary>Worker threads; 0 means one per processor. Output does not depend on it. Default 0.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        if (Docs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Docs), Docs, "Docs must be positive.");
        }

        double copies = SyndicatedRate + ExactCopyRate + NearCopyRate + FarVariantRate;
        CheckFraction(SyndicatedRate, nameof(SyndicatedRate));
        CheckFraction(ExactCopyRate, nameof(ExactCopyRate));
        CheckFraction(NearCopyRate, nameof(NearCopyRate));
        CheckFraction(FarVariantRate, nameof(FarVariantRate));
        CheckFraction(copies, "sum of the copy rates");
        CheckFraction(PassageRate, nameof(PassageRate));
        CheckFraction(PromoRate, nameof(PromoRate));
        CheckFraction(SyndicatedMaxEditRate, nameof(SyndicatedMaxEditRate));
        CheckFraction(FarMinEditRate, nameof(FarMinEditRate));
        CheckFraction(FarMaxEditRate, nameof(FarMaxEditRate));
        CheckFraction(ParagraphDropRate, nameof(ParagraphDropRate));
        CheckFraction(ReorderRate, nameof(ReorderRate));
        CheckFraction(TruncationRate, nameof(TruncationRate));
        CheckFraction(PassageMaxEditRate, nameof(PassageMaxEditRate));
        if (FarMinEditRate > FarMaxEditRate)
        {
            throw new ArgumentOutOfRangeException(nameof(FarMinEditRate), FarMinEditRate, "FarMinEditRate exceeds FarMaxEditRate.");
        }

        if (MaxDegreeOfParallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be 0 (all processors) or positive.");
        }
    }

    private static void CheckFraction(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be between 0 and 1.");
        }
    }
}
