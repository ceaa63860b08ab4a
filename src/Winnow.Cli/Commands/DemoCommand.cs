using System.CommandLine;
using Winnow.Boilerplate;
using Winnow.Filters;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Reuse;
using Winnow.Synth;

namespace Winnow.Cli.Commands;

/// <summary>`winnow demo`: generates the built-in sample and runs the whole pipeline on it.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "Folder for the sample and the run", DefaultValueFactory = _ => "winnow-demo" };
        var docs = new Option<int>("--docs", "-n") { Description = "Documents in the sample", DefaultValueFactory = _ => 2_000 }.AtLeast(1);
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the run's report.html" };
        var command = new Command("demo", "Generate the built-in sample corpus and run the whole pipeline on it") { dir, docs, threads, quiet, noReport };
        var executor = new ExecutorOptions();
        executor.AddTo(command);
        command.SetAction(result =>
        {
            var root = Path.GetFullPath(result.GetValue(dir)!);
            var corpus = Path.Combine(root, "sample", "corpus.jsonl");
            var output = Path.Combine(root, "run");
            if (!PipelineExecution.IsCapturing)
            {
                // The demo replaces only its own folder: one it made (its marker) or an empty one.
                var marker = Path.Combine(root, ".winnow-demo");
                if (Directory.Exists(root) && !File.Exists(marker) && Directory.EnumerateFileSystemEntries(root).Any())
                {
                    System.Console.Error.WriteLine($"winnow: {root}: the folder is not empty and holds no demo; choose a new folder with --dir");
                    return ExitCodes.Usage;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(corpus)!);
                File.WriteAllText(marker, "");
                System.Console.Out.WriteLine($"sample: {corpus}");
                var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = result.GetValue(docs), Seed = 1 }, corpus);
                SynthCommand.Print(summary);
                System.Console.Out.WriteLine();
            }

            var options = new Winnow.Pipeline.RunOptions
            {
                Inputs = [corpus],
                OutputDirectory = output,
                Threads = result.GetValue(threads),
                Overwrite = true,
            };
            // The demo shows every stage: boilerplate per site, and passage reuse, are opt-in in 'run'.
            var cleaning = FilterConfig.Default();
            WinnowPipeline Pipeline() => new DefaultPipeline
            {
                Cleaning = cleaning,
                NearDedup = new NearDedupStage(new MinHashOptions()),
                Boilerplate = new BoilerplateStage(new BoilerplateOptions { GroupBy = "host", MinDocs = 3 }),
                Reuse = new ReuseStage(),
            }.Build();
            return PipelineExecution.Execute(new RunSpec(Pipeline(), options, "demo", Report: !result.GetValue(noReport)), result.GetValue(quiet), executor, result);
        });
        return command;
    }
}
