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
            case ["reuse", string docs, string maxDf, string dir, .. var rest]:
                ReuseBenchmark.Run(int.Parse(docs, System.Globalization.CultureInfo.InvariantCulture), int.Parse(maxDf, System.Globalization.CultureInfo.InvariantCulture), dir, rest is ["boilerplate"]);
                return 0;
            case ["reuse-score", string corpus, string reuse]:
                ReuseScorer.Score(corpus, reuse);
                return 0;
            case ["hash"]:
                HashThroughput.Run();
                return 0;
            default:
                Console.Error.WriteLine("usage: Winnow.Bench gzip FILE | hash | exact-phases FILE LINES | reuse DOCS MAXDF DIR [boilerplate] | reuse-score CORPUS REUSE_JSONL");
                return args.Length == 0 ? 0 : 1;
        }
    }
}
