namespace Winnow.Evaluation;

/// <summary>
/// One page of the hand annotation of publication dates (bench/data/date-annotations.tsv).
/// </summary>
/// <param name="Page">"readability-test-pages/NAME" or "extraction-dev/SET/ID".</param>
/// <param name="Date">The publication date, yyyy-MM-dd, or null when the page states none.</param>
/// <param name="Basis">How it was decided: shown, shown-updated, shown-year-inferred, markup, url, thread, none…</param>
internal sealed record DateAnnotation(string Page, string? Date, string Basis)
{
    /// <summary>The set the page belongs to: "readability-test-pages" or "extraction-dev".</summary>
    public string Set => Page[..Page.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>Reads the annotation file (a header line, then page, date or "-", basis).</summary>
    public static List<DateAnnotation> ReadAll(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split('\t');
            if (f.Length != 3)
            {
                throw new InvalidDataException($"{path}: expected page, date, basis: {line}");
            }

            return new DateAnnotation(f[0], f[1] == "-" ? null : f[1], f[2]);
        }).ToList();

    /// <summary>The page's HTML file under the shared data folder.</summary>
    public string HtmlPath(string dataFolder)
    {
        var parts = Page.Split('/');
        return parts switch
        {
            ["readability-test-pages", var name] => Path.Combine(dataFolder, "readability-test-pages", name, "source.html.gz"),
            ["extraction-dev", var set, var id] => Path.Combine(dataFolder, "extraction-dev", set, "html", id + ".html.gz"),
            _ => throw new InvalidDataException($"unknown page name {Page}"),
        };
    }
}
