using System.Globalization;
using Winnow.Pipeline;

namespace Winnow.Sharding;

/// <summary>The ordinal range of every shard, from the counts the first map step recorded.</summary>
internal static class ShardSpans
{
    public static ShardSpan[] Of(RunPlan plan, RunFolders folders)
    {
        var spans = new ShardSpan[plan.Shards.Count];
        long next = 0;
        for (var s = 0; s < spans.Length; s++)
        {
            var path = Path.Combine(folders.Unit(plan.Steps[0], s), MapTask.OrdinalsFile);
            var count = long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);
            spans[s] = new ShardSpan(s, next, count);
            next += count;
        }

        return spans;
    }
}
