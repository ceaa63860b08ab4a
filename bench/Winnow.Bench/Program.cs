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
            case ["hash"]:
                HashThroughput.Run();
                return 0;
            case ["filters"]:
                FilterThroughput.Run(docs: 20_000, rounds: 3);
                return 0;
            case ["filters", string docs]:
                FilterThroughput.Run(int.Parse(docs, System.Globalization.CultureInfo.InvariantCulture), rounds: 3);
                return 0;
            case ["langid", string sample]:
                FilterThroughput.LanguageAccuracy(sample);
                return 0;
            case ["extract-quality", ..]:
                return ExtractionQuality.Run(verbose: args.Contains("--verbose"));
            case ["extract-phases", ..]:
                return ExtractionPhases.Run(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            case ["extract-speed", ..]:
                return ExtractionSpeed.Run(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            default:
                Console.Error.WriteLine("usage: Winnow.Bench gzip FILE | hash | exact-phases FILE LINES | extract-quality [--verbose] | extract-speed [ROUNDS] | extract-phases [ROUNDS] | filters [DOCS] | langid SAMPLE.tsv");
                return args.Length == 0 ? 0 : 1;
        }
    }
}
