namespace Winnow.Synth;

/// <summary>
/// File names of a corpus. The stem is the output path without ".jsonl", ".jsonl.gz" or ".gz"; truth files sit
/// beside the corpus as stem + ".truth.jsonl", ".passages.jsonl" and ".boilerplate.jsonl", gzip-compressed with
/// an extra ".gz" when the corpus is.
/// </summary>
internal sealed record SynthPaths(string Docs, string Truth, string Passages, string Boilerplate, bool Compressed)
{
    public static SynthPaths For(string outputPath)
    {
        bool compressed = outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        string stem = compressed ? outputPath[..^3] : outputPath;
        if (stem.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            stem = stem[..^6];
        }

        string suffix = compressed ? ".jsonl.gz" : ".jsonl";
        return new SynthPaths(outputPath, stem + ".truth" + suffix, stem + ".passages" + suffix, stem + ".boilerplate" + suffix, compressed);
    }

    public Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        return Compressed ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
    }
}
