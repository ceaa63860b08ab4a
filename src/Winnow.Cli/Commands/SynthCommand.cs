using System.CommandLine;
using Winnow.Synth;

namespace Winnow.Cli.Commands;

/// <summary>`winnow synth`: a synthetic news-like corpus with ground truth (docs/synth.md).</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var docs = new Option<int>("--docs", "-n") { Description = "Number of documents", DefaultValueFactory = _ => 10_000 }.AtLeast(1);
        var output = new Option<string>("--out", "-o") { Description = "Output file (.jsonl or .jsonl.gz); truth files are written beside it", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives the same bytes", DefaultValueFactory = _ => 1 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the corpus and its truth files if they exist" };
        var command = new Command("synth", "Generate a synthetic news corpus with syndicated copies, boilerplate and quoted passages, and its ground truth")
        {
            docs, output, seed, overwrite,
        };
        command.SetAction(result =>
        {
            var n = result.GetValue(docs);
            if (n <= 0)
            {
                System.Console.Error.WriteLine("winnow: --docs must be at least 1");
                return ExitCodes.Usage;
            }

            var path = result.GetValue(output)!;
            try
            {
                var paths = SynthPaths.For(path);
                foreach (var file in new[] { paths.Docs, paths.Truth, paths.Passages, paths.Boilerplate })
                {
                    IO.OutputFile.Check(file, result.GetValue(overwrite), []);
                }
            }
            catch (ArgumentException e)
            {
                System.Console.Error.WriteLine($"winnow: {e.Message}");
                return ExitCodes.Usage;
            }

            var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = n, Seed = result.GetValue(seed) }, path);
            Print(summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(SynthSummary summary)
    {
        var o = System.Console.Out;
        o.WriteLine($"generated {summary.Docs:N0} documents ({summary.DocsBytes / 1e6:N1} MB) in {summary.Elapsed.TotalSeconds:N1} s");
        o.WriteLine($"  originals {summary.Originals:N0}, syndicated {summary.Syndicated:N0}, exact copies {summary.ExactCopies:N0}, near copies {summary.NearCopies:N0}, far variants {summary.FarVariants:N0}, passages {summary.Passages:N0}");
        foreach (var file in summary.Files)
        {
            o.WriteLine($"  {file}");
        }
    }
}
