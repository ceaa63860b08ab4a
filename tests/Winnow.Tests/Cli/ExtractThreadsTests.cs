using System.IO.Compression;
using System.Text;
using Winnow.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Cli;

/// <summary>
/// `winnow extract` reads and extracts on every thread; its output, its messages and its counts of
/// what was skipped do not depend on how many.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class ExtractThreadsTests
{
    [Fact]
    public void OutputAndMessagesAreTheSameForAnyThreadCount()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 150; i++)
        {
            var body = string.Concat(Enumerable.Repeat($"<p>Paragraph {i} of a page about harbours, tides and the boats that use them.</p>", 1 + (i % 13) * 20));
            var html = $"<html><head><title>Page {i}</title></head><body><article>{body}</article></body></html>";
            if (i % 3 == 0)
            {
                dir.Write($"in/p{i:D3}.html.gz", Gzip(html));
            }
            else
            {
                dir.Write($"in/p{i:D3}.html", html);
            }
        }

        // Unreadable files among them: a cut gzip member and a page in a damaged WARC.
        dir.Write("in/p050.html.gz", Gzip("<html><body><p>cut short</p></body></html>")[..20]);
        dir.Write("in/p100.warc", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>cut</p>");

        string? first = null, firstError = null;
        foreach (var threads in new[] { 1, 2, 4 })
        {
            var output = dir[$"out{threads}.jsonl"];
            var (code, _, error) = CliTests.Capture(() => Program.Run(["extract", dir["in"], "--out", output, "-q", "-t", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            Assert.Equal(0, code);
            var text = File.ReadAllText(output);
            error = error.Replace(output, "OUT", StringComparison.Ordinal);
            Assert.Contains("p050.html.gz", error, StringComparison.Ordinal);
            Assert.Contains("skipped unreadable: 1", error, StringComparison.Ordinal);
            Assert.Contains("p100.warc", error, StringComparison.Ordinal);
            Assert.Equal(150, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            first ??= text;
            firstError ??= error;
            Assert.Equal(first, text);
            Assert.Equal(firstError, error);
        }
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
