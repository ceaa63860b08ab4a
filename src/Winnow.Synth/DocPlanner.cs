namespace Winnow.Synth;

/// <summary>
/// Decides what each document index is, as a pure function of (seed, index). A copy picks a uniformly random
/// earlier document and takes that document's original, so popular stories attract more copies (cluster sizes
/// follow a rich-get-richer law) while nothing but the index has to be remembered. Thread-safe.
/// </summary>
internal sealed class DocPlanner(SynthOptions options)
{
    private const int SiteCount = 10;

    public DocKind KindOf(long index) => Head(index, out _, out _);

    /// <summary>The original that document <paramref name="index"/> derives from.</summary>
    public long BaseOf(long index)
    {
        // Each step moves to a strictly smaller index, and index 0 is always original, so this ends.
        while (Head(index, out long pick, out _) != DocKind.Original)
        {
            index = pick;
        }

        return index;
    }

    public DocPlan Plan(long index)
    {
        var plan = new DocPlan { PassageSource = -1, KeepFraction = 1.0 };
        plan.Kind = Head(index, out long pick, out var rng);
        plan.Base = plan.Kind == DocKind.Original ? index : BaseOf(pick);
        switch (plan.Kind)
        {
            case DocKind.Original:
                if (index > 0 && rng.Chance(options.PassageRate))
                {
                    plan.PassageSource = BaseOf((long)(rng.Next() % (ulong)index));
                    plan.PassageWords = 20 + (int)(280 * Math.Pow(rng.NextDouble(), 2.2));
                    plan.PassageStart = rng.NextDouble();
                    plan.PassageInsert = rng.NextDouble();
                    plan.PassageEditRate = rng.Chance(0.5) ? 0 : rng.Uniform(0.005, options.PassageMaxEditRate);
                    plan.PassageQuotes = rng.NextInt(3);
                }

                break;
            case DocKind.Syndicated:
                plan.SiteShift = rng.Between(1, SiteCount - 1);
                plan.WordEditRate = rng.Chance(0.3) ? 0 : rng.Uniform(0.002, options.SyndicatedMaxEditRate);
                DrawStructure(ref plan, ref rng);
                plan.DayShift = rng.Between(0, 3);
                break;
            case DocKind.FarVariant:
                plan.SiteShift = rng.Between(1, SiteCount - 1);
                plan.WordEditRate = rng.Uniform(options.FarMinEditRate, options.FarMaxEditRate);
                DrawStructure(ref plan, ref rng);
                plan.DayShift = rng.Between(0, 30);
                break;
            case DocKind.NearCopy:
                plan.NearEdits = rng.Between(1, 4);
                break;
            default:
                break;
        }

        return plan;
    }

    private void DrawStructure(ref DocPlan plan, ref SynthRng rng)
    {
        plan.Drops = rng.Chance(options.ParagraphDropRate) ? rng.Between(1, 2) : 0;
        plan.Swaps = rng.Chance(options.ReorderRate) ? 1 : 0;
        plan.KeepFraction = rng.Chance(options.TruncationRate) ? rng.Uniform(0.55, 0.95) : 1.0;
    }

    private DocKind Head(long index, out long pick, out SynthRng rng)
    {
        rng = new SynthRng(options.Seed, index, SynthStream.Plan);
        double u = rng.NextDouble();
        pick = index > 0 ? (long)(rng.Next() % (ulong)index) : 0;
        if (index == 0)
        {
            return DocKind.Original;
        }

        double edge = options.SyndicatedRate;
        if (u < edge)
        {
            return DocKind.Syndicated;
        }

        if (u < (edge += options.ExactCopyRate))
        {
            return DocKind.ExactCopy;
        }

        if (u < (edge += options.NearCopyRate))
        {
            return DocKind.NearCopy;
        }

        return u < edge + options.FarVariantRate ? DocKind.FarVariant : DocKind.Original;
    }
}
