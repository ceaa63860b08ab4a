using System.Diagnostics;
using System.Text.Json;

namespace Winnow.Bench;

/// <summary>
/// The extractors Winnow is compared with, run through the wrappers of ../shared/anchors (installed
/// under ANCHORS_DIR, default /tmp/anchors) on a folder of pages, their output kept as
/// <c>DIR/DATASET.TOOL.jsonl</c> so that a table can be rebuilt without running them again.
/// </summary>
internal static class PeerExtractors
{
    /// <summary>Key (file name part), column heading, and the wrapper command line after the interpreter.</summary>
    public static readonly (string Key, string Heading, string Program, string Script, string Flags)[] Known =
    [
        // "Standard" is how trafilatura's own evaluation and the article-extraction benchmark run it:
        // fallback extractors on, comments off. The wrapper's defaults are the library's: comments on.
        ("trafilatura-standard", "trafilatura 2.2 standard", "/usr/bin/python3", "trafilatura_extract.py", "--no-comments --no-metadata"),
        ("trafilatura-default", "trafilatura 2.2 default", "/usr/bin/python3", "trafilatura_extract.py", ""),
        ("readability", "Readability.js 0.6", "node --max-old-space-size=8192", "readability.js", ""),
    ];

    /// <summary>Texts by page id from a cached output, or null when absent.</summary>
    public static Dictionary<string, string?>? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            var text = root.TryGetProperty("textContent", out var t) || root.TryGetProperty("text", out t)
                ? t.ValueKind == JsonValueKind.String ? t.GetString() : null
                : null;
            texts[Evaluation.ExtractionDataset.IdOf(root.GetProperty("file").GetString()!)] = text;
        }

        return texts;
    }

    /// <summary>Runs one peer over <paramref name="folder"/> into <paramref name="output"/>; returns its wall time.</summary>
    public static TimeSpan Run(string anchorsScripts, (string Key, string Heading, string Program, string Script, string Flags) peer, string folder, string output)
    {
        var anchors = Environment.GetEnvironmentVariable("ANCHORS_DIR") is { Length: > 0 } dir ? dir : "/tmp/anchors";
        var env = Path.Combine(anchors, "env.sh");
        if (!File.Exists(env))
        {
            throw new FileNotFoundException($"{env} not found: install the anchors with ../shared/anchors/setup.sh, or set ANCHORS_DIR");
        }

        var partial = output + ".part";
        var command = $". '{env}' && exec {peer.Program} '{Path.Combine(anchorsScripts, peer.Script)}' --batch '{folder}' --out '{partial}' {peer.Flags}";
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{peer.Key} failed on {folder}: {log}");
        }

        File.Move(partial, output, overwrite: true);
        Console.Error.Write(log);
        return clock.Elapsed;
    }
}
