using System.Diagnostics;
using System.Text;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Robustness;

/// <summary>
/// A named pipe given by name (mkfifo, or a shell's <c>&lt;(zcat …)</c>) is read once, from its
/// start, and decompressed by its magic bytes as a file is; a pipe met inside a folder is skipped
/// instead (<see cref="FolderWalkTests"/>).
/// </summary>
[Collection(nameof(Cli.ConsoleCollection))]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NamedPipeInputTests
{
    private const int Records = 300;

    [UnixTheory]
    [InlineData("run", false)]
    [InlineData("run", true)]
    [InlineData("dedup", true)]
    public void APipeGivenByNameIsReadWhole(string command, bool gzip)
    {
        using var dir = new TempDir();
        var jsonl = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, Records).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"record number {i} of the pipe, with words enough to count\"}}\n")));
        var pipe = dir["pipe.jsonl"];
        WhileFed(pipe, gzip ? Winnow.Tests.IO.GzipTestData.Compress(jsonl) : jsonl, () =>
        {
            var stats = CliRun.Ok([command, pipe, "--out", dir["r"], .. command == "run" ? ["--no-report"] : Array.Empty<string>()]);
            Assert.Equal(Records, Long(stats["documents"]!["in"]));
            Assert.Equal(0, Long(stats["documents"]!["rejected"]));
        });
    }

    [UnixFact]
    public void AnHtmlPageFromAPipeIsExtracted()
    {
        using var dir = new TempDir();
        var pipe = dir["page.html"];
        var html = "<html><head><title>Piped</title></head><body><article><p>" + string.Join(' ', Enumerable.Repeat("A sentence read from a named pipe.", 20)) + "</p></article></body></html>";
        WhileFed(pipe, Encoding.UTF8.GetBytes(html), () =>
        {
            var (code, _, error) = CliRun.Winnow("extract", pipe, "--out", dir["out.jsonl"], "-q");
            Assert.True(code == 0, error);
            Assert.Contains("A sentence read from a named pipe.", File.ReadAllText(dir["out.jsonl"]), StringComparison.Ordinal);
        });
    }

    /// <summary>Parquet is read from its end: a pipe holding one is a rejection saying so, not a "corrupt file".</summary>
    [UnixFact]
    public void AParquetPipeIsRejectedWithTheReason()
    {
        using var dir = new TempDir();
        var pipe = dir["rows.parquet"];
        WhileFed(pipe, Encoding.ASCII.GetBytes("PAR1 not read"), () =>
        {
            var stats = CliRun.Ok("run", pipe, "--out", dir["r"], "--no-report");
            Assert.Equal(1, Long(stats["documents"]!["rejected"]));
            var rejection = Assert.Single(Records(dir["r"], "rejected"));
            Assert.Equal(Winnow.Documents.RejectionReasons.UnsupportedFormat, rejection["reason"]!.GetValue<string>());
            Assert.Contains("cannot be read from a pipe", rejection["message"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    /// <summary>A shell's &lt;(…) is a pipe named /dev/fd/N: no type in its name, so its first bytes tell JSONL from a WARC stream, as for standard input.</summary>
    [UnixTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void APipeWithoutATypeInItsNameIsReadByItsFirstBytes(bool warc)
    {
        using var dir = new TempDir();
        var pipe = dir["63"];
        const string Page = "<html><head><title>Fed</title></head><body><article><p>A page fed through a pipe that has no type in its name.</p></article></body></html>";
        var bytes = warc
            ? Winnow.Tests.Warc.WarcReaderTests.Record("response", "http://a.example/fed", Winnow.Tests.Warc.WarcReaderTests.Http(200, "text/html", Encoding.UTF8.GetBytes(Page)))
            : Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n");
        WhileFed(pipe, Winnow.Tests.IO.GzipTestData.Compress(bytes), () =>
        {
            var stats = CliRun.Ok("run", pipe, "--out", dir["r"], "--no-report", "--no-filters");
            Assert.Equal(warc ? 1 : 2, Long(stats["documents"]!["in"]));
            Assert.Equal(0, Long(stats["documents"]!["rejected"]));
            var first = Records(dir["r"], "documents")[0];
            Assert.Equal(warc ? "63@0" : "a", first["id"]!.GetValue<string>());
        });
    }

    /// <summary>A sharded run reads each input more than once (to check a shard, to resume): a pipe is refused before anything opens it.</summary>
    [UnixFact]
    public void AShardedRunRefusesAPipe()
    {
        using var dir = new TempDir();
        var pipe = dir["pipe.jsonl"];
        MakeFifo(pipe);
        CliRun.Fails(1, "a pipe cannot be read by a sharded run", "run", pipe, "--out", dir["r"], "--tasks", "2", "-q");
        Assert.False(File.Exists(dir["r/stats.json"]));
    }

    /// <summary>Makes the pipe, feeds it <paramref name="bytes"/> once a reader opens it, and runs <paramref name="read"/>.</summary>
    private static void WhileFed(string pipe, byte[] bytes, Action read)
    {
        MakeFifo(pipe);
        var feeding = Feed(pipe, bytes);
        try
        {
            read();
        }
        finally
        {
            Unblock(pipe, feeding);
        }
    }

    internal static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Writes <paramref name="bytes"/> into the pipe once a reader opens it.</summary>
    private static Task Feed(string pipe, byte[] bytes) => Task.Factory.StartNew(
        () =>
        {
            try
            {
                using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
                writer.Write(bytes);
            }
            catch (IOException)
            {
                // The reader closed the pipe without reading it all (a rejected Parquet pipe).
            }
        },
        TaskCreationOptions.LongRunning);

    /// <summary>If the command never opened the pipe, opens it here so the writer does not wait forever.</summary>
    private static void Unblock(string pipe, Task feeding)
    {
        if (!feeding.Wait(TimeSpan.FromSeconds(1)))
        {
            using var reader = new FileStream(pipe, FileMode.Open, FileAccess.Read);
            reader.CopyTo(Stream.Null);
            feeding.Wait(TimeSpan.FromSeconds(10));
        }
    }
}
