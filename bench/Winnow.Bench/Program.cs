namespace Winnow.Bench;

internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args)
        {
            case ["gzip", string path]:
                GzipThroughput.Run(path, rounds: 3);
                return 0;
            case ["exact-phases", string path, string lines]:
                ExactDedupPhases.Run(path, int.Parse(lines, System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case ["report", string run]:
                ReportTiming.Run(run, rounds: 3);
                return 0;
            case ["hash"]:
                HashThroughput.Run();
                return 0;
            default:
                Console.Error.WriteLine("usage: Winnow.Bench gzip FILE | hash | exact-phases FILE LINES | report RUN_DIR");
                return args.Length == 0 ? 0 : 1;
        }
    }
}
