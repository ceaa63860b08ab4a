using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Extraction;
using Winnow.Extraction.Html;
using Winnow.IO;
using Winnow.Readers;
using Winnow.Text;

namespace Winnow.Bench;

/// <summary>
/// `extract-path FOLDER...`: where a cold `winnow extract -t 1` spends its time. Run as a fresh
/// process, it takes the command's steps page by page in input order on one thread, with a clock
/// around each: reading the file and gunzipping it (the command's reader), charset detection and decoding, parsing, extraction
/// (metadata and main content) and writing the JSON line to a file. Process start is the time from
/// the process's start to Main. First-use costs (the JIT compiling each step's code) fall in the
/// step that pays them, as they do in the command.
/// </summary>
internal static class ExtractionPath
{
    private static readonly string[] Names = ["process start", "reading + gunzip", "charset detection + decoding", "parse", "extraction", "JSON writing"];

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
                // The command's reader: the file read (and gunzipped) into the thread's buffer, then copied out.
                if (PageInput.ReadFile(file).Page is not { } input)
                {
                    continue;
                }

                Lap(w, t, 1);
                // As the command: decoded into the thread's reused buffer, parsed there.
                var buffer = PageBuffer<char>.ForPage();
                var length = Math.Min(CharsetDecoder.DecodeInto(input.Bytes, input.ContentType, buffer), options.MaxHtmlChars);
                Lap(w, t, 2);
                var document = FastHtmlParser.ForThread.ParseInPlace(buffer.Span[..length], options.MaxNesting);
                Lap(w, t, 3);
                var before = t[4];
                var page = extractor.Extract(document, input.Url);
                Lap(w, t, 4);
                slowest.Add((t[4] - before, file.Name));
                ExtractJson.Write(writer, input.Source, page);
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
                Lap(w, t, 5);
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
