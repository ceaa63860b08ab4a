using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>The extraction benchmarks' <c>--anglesharp</c> flag: measure the reference parser instead of the fast one.</summary>
internal static class ParserArgument
{
    public static HtmlParserKind Of(string[] args) =>
        args.Contains("--anglesharp") ? HtmlParserKind.AngleSharp : HtmlParserKind.Fast;
}
