using System.Text.Json;

namespace Winnow.Evaluation;

/// <summary>
/// A main-content extraction dataset: a folder of pages (<c>html/ID.html.gz</c>) and the expected
/// article body of each (<c>{ "ID": { "articleBody": "..." } }</c>, the article-extraction
/// benchmark's shape). The URL a truth file may give is not used: extractors are scored without one.
/// </summary>
/// <remarks>Immutable after loading; thread-safe.</remarks>
internal sealed class ExtractionDataset
{
    /// <summary>The datasets under a shared data folder, in the order reported: the benchmark, then the development set.</summary>
    public static readonly (string Name, string Folder, string Truth)[] Known =
    [
        ("article-extraction-benchmark", "article-extraction-benchmark", "ground-truth.json"),
        ("dragnet", "extraction-dev/dragnet", "truth.json"),
        ("cleaneval-dev", "extraction-dev/cleaneval-dev", "truth.json"),
        ("readability", "extraction-dev/readability", "truth.json"),
    ];

    private ExtractionDataset(string name, string htmlFolder, IReadOnlyDictionary<string, string> truth)
    {
        Name = name;
        HtmlFolder = htmlFolder;
        Truth = truth;
    }

    public string Name { get; }

    /// <summary>The folder of pages, as a user would pass it to `winnow extract`.</summary>
    public string HtmlFolder { get; }

    /// <summary>Expected article body by page id.</summary>
    public IReadOnlyDictionary<string, string> Truth { get; }

    /// <summary>The known datasets present under <paramref name="dataRoot"/> (shared/data).</summary>
    public static List<ExtractionDataset> FindAll(string dataRoot)
    {
        var found = new List<ExtractionDataset>();
        foreach (var (name, folder, truth) in Known)
        {
            var path = Path.Combine(dataRoot, folder);
            if (File.Exists(Path.Combine(path, truth)) && Directory.Exists(Path.Combine(path, "html")))
            {
                found.Add(Load(name, Path.Combine(path, "html"), Path.Combine(path, truth)));
            }
        }

        return found;
    }

    public static ExtractionDataset Load(string name, string htmlFolder, string truthFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(truthFile));
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in json.RootElement.EnumerateObject())
        {
            truth[page.Name] = page.Value.GetProperty("articleBody").GetString() ?? "";
        }

        return new ExtractionDataset(name, htmlFolder, truth);
    }

    /// <summary>The page id of a file name relative to the pages folder: the name without its .html(.gz) or .htm(.gz) suffix.</summary>
    public static string IdOf(string file)
    {
        var name = Path.GetFileName(file);
        foreach (var suffix in (ReadOnlySpan<string>)[".html.gz", ".htm.gz", ".html", ".htm"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>Scores predicted texts by page id; a page with no prediction counts as empty output.</summary>
    public DatasetScore Score(IReadOnlyDictionary<string, string?> predicted)
    {
        var pages = new Dictionary<string, PageScore>(StringComparer.Ordinal);
        foreach (var (id, expected) in Truth)
        {
            pages[id] = ShingleScore.ScorePage(expected, predicted.GetValueOrDefault(id) ?? "");
        }

        return new DatasetScore(pages);
    }
}
