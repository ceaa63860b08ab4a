using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Tests.Support;

namespace Winnow.Tests.Pipeline;

/// <summary>
/// Consecutive document stages run document by document; the counts must be those of running
/// them one after another over the whole batch.
/// </summary>
public sealed class DocumentStageChainTests
{
    /// <summary>Removes documents whose number is divisible by its divisor; counts what it saw.</summary>
    private sealed class RemoveMultiples(string name, int divisor) : DocumentStage
    {
        private int _seen;

        public override string Name => name;

        public int Seen => _seen;

        public override void Process(Document document)
        {
            Interlocked.Increment(ref _seen);
            if (int.Parse(document.Id, System.Globalization.CultureInfo.InvariantCulture) % divisor == 0)
            {
                document.Remove(new Removal(Name, "multiple"));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void EachStageCountsTheDocumentsThatReachedItAndThoseItRemoved(int threads)
    {
        using var dir = new TempDir();
        const int Count = 10_000;
        dir.Write("in/a.jsonl", string.Concat(Enumerable.Range(1, Count).Select(i => $"{{\"id\":\"{i}\",\"text\":\"{new string('w', 1 + (i % 7))}\"}}\n")));
        var stages = new[] { new RemoveMultiples("by2", 2), new RemoveMultiples("by3", 3), new RemoveMultiples("by5", 5) };
        var builder = new WinnowPipelineBuilder();
        foreach (var stage in stages)
        {
            builder.Add(stage);
        }

        var stats = builder.Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"], Threads = threads });

        // Stage by stage: by2 sees all and removes the even; by3 sees the odd and removes odd multiples of 3; ...
        var numbers = Enumerable.Range(1, Count).ToList();
        var reached = new List<int>();
        var removed = new List<int>();
        foreach (var divisor in new[] { 2, 3, 5 })
        {
            reached.Add(numbers.Count);
            var gone = numbers.Count(n => n % divisor == 0);
            removed.Add(gone);
            numbers = numbers.Where(n => n % divisor != 0).ToList();
        }

        Assert.Equal(reached, stats.Stages.Select(s => (int)s.In.Documents));
        Assert.Equal(removed, stats.Stages.Select(s => (int)s.Removed.Documents));
        Assert.Equal(reached, stages.Select(s => s.Seen));
        Assert.Equal(numbers.Count, (int)stats.Kept.Documents);
        Runs.AssertBalanced(stats);

        // removed/ holds each document once, with the stage that removed it.
        var records = RunOutputReader.Records(dir["out"], "removed");
        Assert.Equal(removed.Sum(), records.Count);
        Assert.All(records, r =>
        {
            var n = int.Parse(r["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var expected = n % 2 == 0 ? "by2" : n % 3 == 0 ? "by3" : "by5";
            Assert.Equal(expected, r["removed"]!["stage"]!.GetValue<string>());
        });
    }
}
