using System.CommandLine;
using Winnow.Synth;
using Winnow.Synth.FromTexts;

namespace Winnow.Cli.Commands;

/// <summary>`winnow synth`: a synthetic news-like corpus with ground truth (docs/synth.md).</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var docs = new Option<int>("--docs", "-n") { Description = "Number of documents", DefaultValueFactory = _ => 10_000 }.AtLeast(1);
        var output = new Option<string>("--out", "-o") { Description = "Output file (.jsonl or .jsonl.gz); truth files are written beside it", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives the same bytes", DefaultValueFactory = _ => 1 };
        var fromTexts = new Option<string[]>("--from-texts")
        {
            Description = "Make a development set from real article bodies instead: JSON files of { key: { \"articleBody\": text } } (docs/synth.md)",
            AllowMultipleArgumentsPerToken = true,
        };
        var set = new Option<DevSetKind>("--set") { Description = "With --from-texts: republished (near dedup) or quoted (text reuse)", DefaultValueFactory = _ => DevSetKind.Republished };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the corpus and its truth files if they exist" };
        var command = new Command("synth", "Generate a synthetic news corpus with syndicated copies, boilerplate and quoted passages, and its ground truth")
        {
            docs, output, seed, overwrite, fromTexts, set,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(output)!;
            try
            {
                var paths = SynthPaths.For(path);
                foreach (var file in new[] { paths.Docs, paths.Truth, paths.Passages, paths.Boilerplate })
                {
                    IO.OutputFile.Check(file, result.GetValue(overwrite), result.GetValue(fromTexts) ?? []);
                }
            }
            catch (ArgumentException e)
            {
                System.Console.Error.WriteLine($"winnow: {e.Message}");
                return ExitCodes.Usage;
            }

            if (result.GetValue(fromTexts) is { Length: > 0 } files)
            {
                return FromTexts(files, result.GetValue(set), result.GetValue(seed), path);
            }

            var n = result.GetValue(docs);

            var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = n, Seed = result.GetValue(seed) }, path);
            Print(summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int FromTexts(string[] files, DevSetKind set, ulong seed, string output)
    {
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            System.Console.Error.WriteLine($"winnow: {missing}: no such file");
            return ExitCodes.Usage;
        }

        try
        {
            var summary = DevSet.Generate(set, files, new FromTextsOptions { Seed = seed }, output);
            System.Console.Out.WriteLine($"generated {summary.Docs:N0} documents from {summary.Sources:N0} texts ({summary.Copies:N0} copies, {summary.Traps:N0} traps, {summary.Passages:N0} passages) in {summary.Elapsed.TotalSeconds:N1} s");
            System.Console.Out.WriteLine($"  {summary.DocsPath}");
            System.Console.Out.WriteLine($"  {summary.TruthPath}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return ExitCodes.Usage;
        }
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
