namespace Winnow.Synth.FromTexts;

/// <summary>Makes a development set from real article bodies read at run time (docs/synth.md).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class DevSet
{
    /// <summary>
    /// Reads the usable texts of <paramref name="sourceFiles"/> and writes the set to
    /// <paramref name="outputPath"/> (JSON lines, gzip when it ends in ".gz") with its truth beside it:
    /// stem.truth.jsonl for <see cref="DevSetKind.Republished"/>, stem.passages.jsonl for <see cref="DevSetKind.Quoted"/>.
    /// </summary>
    public static FromTextsSummary Generate(DevSetKind kind, IReadOnlyList<string> sourceFiles, FromTextsOptions options, string outputPath)
    {
        options.Validate();
        var sources = SourceTexts.Load(sourceFiles, options.MinWords);
        if (sources.Count < 2)
        {
            throw new InvalidDataException($"fewer than two usable texts (of {options.MinWords} words or more, not repeating another) in {string.Join(", ", sourceFiles)}");
        }

        return kind == DevSetKind.Republished
            ? RepublishedCorpus.Write(sources, options, outputPath)
            : QuotedCorpus.Write(sources, options, outputPath);
    }
}
