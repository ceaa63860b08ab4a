using System.CommandLine;
using Winnow.Cli.Commands;

namespace Winnow.Cli;

internal static class Program
{
    private static int Main(string[] args) => Run(args);

    internal static int Run(string[] args) => CreateRoot().Parse(args).Invoke();

    internal static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "Winnow turns crawled web pages into a clean, deduplicated text corpus and shows where text was reused.\n" +
            "Start with 'winnow demo'; see docs/ for formats and benchmarks.")
        {
            DemoCommand.Create(),
            ReuseCommand.Create(),
            ReportCommand.Create(),
            RunCommand.Create(),
            StatusCommand.Create(),
            SynthCommand.Create(),
            ExtractCommand.Create(),
            DedupCommand.Create(),
            TaskCommand.Create(CreateRoot),
        };
        return root;
    }
}
