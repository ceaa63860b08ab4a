namespace Winnow.Pipeline;

/// <summary>
/// One pass over the documents: the stages it runs, in order. A pass that ends in a whole-corpus
/// stage (its <see cref="Barrier"/>) only lets that stage observe; the next pass starts by letting
/// it apply its decisions.
/// </summary>
internal sealed record PassPlan(int Index, int FirstStage, int EndStage, CorpusStage? Resumed, CorpusStage? Barrier)
{
    public static IReadOnlyList<PassPlan> For(IReadOnlyList<Stage> stages)
    {
        var passes = new List<PassPlan>();
        var first = 0;
        CorpusStage? resumed = null;
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] is CorpusStage { NeedsWholeCorpus: true } barrier)
            {
                passes.Add(new PassPlan(passes.Count, first, i + 1, resumed, barrier));
                resumed = barrier;
                first = i + 1;
            }
        }

        passes.Add(new PassPlan(passes.Count, first, stages.Count, resumed, null));
        return passes;
    }
}
