using Winnow.Extraction;
using Winnow.Readers;

namespace Winnow.Evaluation;

/// <summary>
/// Extracts pages the way `winnow extract FOLDER` does: the same file list and order
/// (<see cref="InputSet"/>), reading (<see cref="PageInput"/>), charset decoding and options, and no
/// URL (a folder of files gives none). Benchmarks and quality tests go through here so that they
/// measure the shipped path; a test checks it against the command and `winnow run` page by page.
/// </summary>
/// <remarks>Thread-safe: each call has its own state.</remarks>
internal static class ShippedExtraction
{
    /// <summary>The options of `winnow extract` without flags.</summary>
    public static ExtractionOptions CommandDefaults => new();

    /// <summary>Extracted text by page id (<see cref="ExtractionDataset.IdOf"/>), in input order.</summary>
    public static Dictionary<string, string?> Texts(string folder, ExtractionOptions? options = null)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (file, page) in Pages(folder, options))
        {
            texts[ExtractionDataset.IdOf(file)] = page.Text;
        }

        return texts;
    }

    /// <summary>Every page of <paramref name="folder"/> with its name relative to the folder, extracted in input order on this thread.</summary>
    public static IEnumerable<(string File, ExtractedPage Page)> Pages(string folder, ExtractionOptions? options = null)
    {
        var extractor = new HtmlExtractor(options ?? CommandDefaults);
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pending in PageInput.List(InputSet.Expand([folder]).Files))
        {
            var result = pending.Extract(extractor);
            result.Read.Report(skipped, message => throw new IOException(message));
            if (result.Page is { } page)
            {
                yield return (result.Source!, page);
            }
        }

        if (skipped.Count > 0)
        {
            throw new IOException($"{folder}: pages skipped: {string.Join(", ", skipped.Select(s => $"{s.Key} {s.Value}"))}");
        }
    }
}
