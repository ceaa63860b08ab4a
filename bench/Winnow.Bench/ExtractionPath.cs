using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Extraction;
using Winnow.Extraction.Html;
using Winnow.Readers;
using Winnow.Text;

namespace Winnow.Bench;

/// <summary>
/// `extract-path FOLDER...`: where a cold `winnow extract -t 1` spends its time. Run as a fresh
/// process, it takes the command's steps page by page in input order on one thread, with a clock
/// around each: reading the file, gunzip, charset detection and decoding, parsing, extraction
/// (metadata and main content) and writing the JSON line to a file. Process start is the time from
/// the process's start to Main. First-use costs (the JIT compiling each step's code) fall in the
/// step that pays them, as they do in the command.
/// </summary>
internal static class ExtractionPath
{
    private static readonly string[] Names = ["process start", "reading", "gzip", "charset detection + decoding", "parse", "extraction", "JSON writing"];

    public static int Run(string[] folders, DateTime mainEntered)
    {
        var start = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var t = new double[Names.Length];
        t[0] = (mainEntered - start).TotalSeconds;
        var files = InputSet.Expand(folders).Files;
        var extractor = new HtmlExtractor();
        var options = new ExtractionOptions();
        var output = Path.Combine(Path.GetTempPath(), $"winnow-extract-path-{Environment.ProcessId}.jsonl");
        long pages = 0;
        var slowest = new List<(double Seconds, string File)>();
        var wall = Stopwatch.StartNew();
        using (var stream = new FileStream(output, FileMode.Create))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var w = Stopwatch.StartNew();
            _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            foreach (var file in files)
            {
                w.Restart();
                var raw = File.ReadAllBytes(file.Path);
                Lap(w, t, 1);
                var bytes = raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B ? Gunzip(raw) : raw;
                Lap(w, t, 2);
                var html = CharsetDecoder.Decode(bytes, null);
                Lap(w, t, 3);
                var document = FastHtmlParser.ForThread.Parse(html, options.MaxNesting);
                Lap(w, t, 4);
                var before = t[5];
                var page = extractor.Extract(document, null);
                Lap(w, t, 5);
                slowest.Add((t[5] - before, file.Name));
                ExtractJson.Write(writer, file.Name, page);
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
                Lap(w, t, 6);
                pages++;
            }
        }

        File.Delete(output);
        var sum = t.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages:N0} pages from {files.Count:N0} files, one thread, {sum:F3} s timed ({wall.Elapsed.TotalSeconds + t[0]:F3} s from process start)"));
        Console.WriteLine("| step | seconds | share | allocated MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        for (var i = 0; i < Names.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Names[i]} | {t[i]:F3} | {t[i] / sum:P1} | {Allocated[i] / 1e6:F1} |"));
        }

        Console.WriteLine("slowest pages to extract (after parsing): " + string.Join(", ",
            slowest.OrderByDescending(p => p.Seconds).Take(5).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.File} {p.Seconds * 1000:F0} ms"))));
        return 0;
    }

    private static byte[] Gunzip(byte[] raw)
    {
        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var buffer = new MemoryStream(raw.Length * 4);
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static readonly long[] Allocated = new long[Names.Length];
    private static long _allocatedBefore;

    // Time and bytes allocated by this thread since the last lap.
    private static void Lap(Stopwatch w, double[] t, int i)
    {
        t[i] += w.Elapsed.TotalSeconds;
        var now = GC.GetAllocatedBytesForCurrentThread();
        Allocated[i] += now - _allocatedBefore;
        _allocatedBefore = now;
        w.Restart();
    }
}
