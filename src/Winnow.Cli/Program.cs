using System.CommandLine;
using Winnow.Cli.Commands;

namespace Winnow.Cli;

internal static class Program
{
    private static int Main(string[] args) => Run(args);

    /// <summary>Runs a command line; whatever a command throws becomes one line and an exit code, never a stack trace.</summary>
    internal static int Run(string[] args)
    {
        try
        {
            return CreateRoot().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return ErrorMessages.Report(e);
        }
    }

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
