namespace Winnow.Bench;

internal static class Program
{
    private static int Main(string[] args)
    {
        var mainEntered = DateTime.UtcNow;
        switch (args)
        {
            case ["extract-path", .. var folders] when folders.Length > 0:
                return ExtractionPath.Run(folders, mainEntered);
            case ["readers", string path, .. var rest]:
                ReaderSpeed.Run(path, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3);
                return 0;
            case ["tokens", string path, .. var rest]:
                TokenSpeed.Run(path, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3, rest.Length > 1 ? rest[1] : null);
                return 0;
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
            case ["report", string run]:
                ReportTiming.Run(run, rounds: 3);
                return 0;
            case ["hash"]:
                HashThroughput.Run();
                return 0;
            case ["filters"]:
                FilterThroughput.Run(docs: 20_000, rounds: 3);
                return 0;
            case ["filters-corpus", string path]:
                FilterThroughput.Corpus(path, rounds: 2);
                return 0;
            case ["filters", string docs]:
                FilterThroughput.Run(int.Parse(docs, System.Globalization.CultureInfo.InvariantCulture), rounds: 3);
                return 0;
            case ["english-tokens", string input, string output]:
                EnglishTokenDump.Tokens(input, output);
                return 0;
            case ["english-exceptions", string output]:
                EnglishTokenDump.Exceptions(output);
                return 0;
            case ["langid", string sample]:
                LanguageBench.Sample(sample);
                return 0;
            case ["langid-pages", string folder]:
                LanguageBench.Pages(folder);
                return 0;
            case ["extract-quality", ..]:
                return ExtractionQuality.Run(verbose: args.Contains("--verbose"), ParserArgument.Of(args));
            case ["extract-datasets", ..]:
                return ExtractionDatasets.Run(args);
            case ["metadata-dates", ..]:
                return MetadataDates.Run(
                    args.SkipWhile(a => a != "--trafilatura").Skip(1).FirstOrDefault(), verbose: args.Contains("--verbose"), sources: args.Contains("--sources"));
            case ["markdown-quality", ..]:
                return MarkdownQuality.Run(verbose: args.Contains("--verbose"));
            case ["extract-compare"]:
                return ParserComparison.Run();
            case ["extract-phases", ..]:
                return ExtractionPhases.Run(rounds: args.Length > 1 && char.IsAsciiDigit(args[1][0]) ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3, ParserArgument.Of(args));
            case ["extract-speed", ..]:
                return ExtractionSpeed.Run(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            case ["neardup-synth", string docs, string output]:
                NearDupBench.Synth(int.Parse(docs, System.Globalization.CultureInfo.InvariantCulture), output);
                return 0;
            case ["neardup-sign", string path, ..]:
                NearDupBench.Sign(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
                return 0;
            case ["neardup-score", string docs, string truth, string clusters, ..]:
                NearDupBench.Score(docs, truth, clusters, args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0.8);
                return 0;
            case ["neardup-articles"]:
                return NearDupBench.Articles(new Winnow.NearDedup.MinHashOptions());
            case ["neardup-articles", string bands, string rows, string verify]:
                return NearDupBench.Articles(new Winnow.NearDedup.MinHashOptions
                {
                    Bands = int.Parse(bands, System.Globalization.CultureInfo.InvariantCulture),
                    Rows = int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture),
                    Verify = Enum.Parse<Winnow.NearDedup.VerifyMode>(verify, ignoreCase: true),
                });
            case ["neardup-real", "--seeds", string seeds, string dir, .. var sources]:
                return RealTextBench.NearDup(dir, sources, int.Parse(seeds, System.Globalization.CultureInfo.InvariantCulture));
            case ["neardup-real", string dir, .. var sources]:
                return RealTextBench.NearDup(dir, sources);
            case ["reuse-real", string dir, .. var sources]:
                return RealTextBench.Reuse(dir, sources);
            case ["neardup-phases", string path, ..]:
                NearDupPhases.Run(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
                return 0;
            case ["shingle-sets", string path, ..]:
                ShingleSetSpeed.Run(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
                return 0;
            case ["neardup-agree", string docs, string ours, string theirs]:
                NearDupBench.Agree(docs, ours, theirs);
                return 0;
            default:
                Console.Error.WriteLine("usage: Winnow.Bench gzip FILE | readers CORPUS.jsonl [ROUNDS] | tokens CORPUS.jsonl [ROUNDS] [ENCODING] | hash | exact-phases FILE LINES | extract-quality [--verbose] [--anglesharp] | metadata-dates [--trafilatura OUT.jsonl] [--verbose] [--sources] | markdown-quality [--verbose] | extract-path FOLDER... | extract-datasets [--peers DIR] [--run-peers] [--save-as NAME] [--verbose] [--doc FILE] [--anglesharp] | extract-compare | extract-speed [ROUNDS] | extract-phases [ROUNDS] [--anglesharp] | filters [DOCS] | filters-corpus DOCS.jsonl | english-tokens IN.jsonl OUT.jsonl | english-exceptions OUT.jsonl | langid SAMPLE.tsv | langid-pages READABILITY_TEST_PAGES | neardup-synth DOCS OUT.jsonl | neardup-sign DOCS.jsonl [THREADS] | neardup-score DOCS.jsonl TRUTH.jsonl CLUSTERS.jsonl [THRESHOLD] | neardup-articles [BANDS ROWS estimate|exact|none] | neardup-phases DOCS.jsonl [THREADS] | neardup-agree DOCS.jsonl OURS.jsonl DATASKETCH.jsonl | reuse DOCS MAXDF DIR [boilerplate] | reuse-score CORPUS REUSE.jsonl | neardup-real [--seeds N] DIR [SOURCE.json...] | reuse-real DIR [SOURCE.json...] | report RUN_DIR");
                return args.Length == 0 ? 0 : 1;
        }
    }
}
