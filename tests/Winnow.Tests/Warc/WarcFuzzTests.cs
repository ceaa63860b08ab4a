using System.Text;
using CsCheck;
using Winnow.IO;
using Winnow.Tests.Support;
using Winnow.Warc;
using static Winnow.Tests.Warc.WarcReaderTests;

namespace Winnow.Tests.Warc;

/// <summary>
/// Property tests: random bytes, WARC-shaped random bytes, and random truncations and mutations of
/// WARC files must neither crash nor hang the reader, and a cut record is never a page. Fixed seeds
/// make every run the same; each read runs under a watchdog that fails when it stops making progress.
/// </summary>
public class WarcFuzzTests
{
    private const string Seed = "8X-LpiTcHrk1";

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "WARC/1.0\r\n", "WARC/1.1\n", "WARC-Type: response\r\n", "WARC-Type: resource\r\n", "WARC-Type: request\r\n",
            "Content-Length: 0\r\n", "Content-Length: 40\r\n", "Content-Length: 999999\r\n", "Content-Length: -1\r\n",
            "Content-Type: text/html\r\n", "WARC-Target-URI: <http://a.example/>\r\n", "\r\n", "\n", "\r\n\r\n",
            "HTTP/1.1 200 OK\r\n", "HTTP/1.0 200\n", "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n",
            "Content-Encoding: br\r\n", "Content-Encoding: deflate\r\n", "0\r\n", "ff\r\n", "7fffffffffffffff\r\n",
            "<html><p>x</p></html>", "filedesc://", "\u001f\u008b",
        }.Select(Encoding.Latin1.GetBytes),
        Gzip(Encoding.UTF8.GetBytes("<html><body>zipped</body></html>")),
    ];

    private static readonly Gen<byte[]> WarcShaped =
        Gen.OneOf(Gen.OneOf(Tokens), Gen.Byte.Array[1, 24]).Array[0, 60].Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void RandomBytesNeitherCrashNorHang() =>
        Gen.Byte.Array[0, 4096].SampleFixed(bytes => ReadUnderWatchdog(bytes), seed: Seed, iter: 300);

    [Fact]
    public void WarcShapedBytesNeitherCrashNorHang() =>
        WarcShaped.SampleFixed(bytes => ReadUnderWatchdog(bytes), seed: Seed, iter: 1000);

    [Fact]
    public void WarcShapedBytesGzippedNeitherCrashNorHang() =>
        WarcShaped.Select(bytes => Gzip(bytes)).SampleFixed(bytes => ReadUnderWatchdog(bytes), seed: Seed, iter: 300);

    [Fact]
    public void TruncationsOfAWarcKeepEveryWholePageAndNoCutOne()
    {
        var (warc, blockEnds) = SampleWarc();
        var full = ReadUnderWatchdog(warc).Pages;
        Assert.Equal(blockEnds.Length, full.Count);
        Gen.Int[0, warc.Length].SampleFixed(cut =>
        {
            var pages = ReadUnderWatchdog(warc[..cut]).Pages;
            Assert.Equal(blockEnds.Count(end => end <= cut), pages.Count);
            AssertPrefix(full, pages);
        }, seed: Seed, iter: 300);
    }

    [Fact]
    public void TruncationsOfAWarcGzNeitherCrashNorKeepACutPage()
    {
        var (warc, _) = SampleWarc();
        foreach (var gz in new[] { Gzip(warc), PerRecordGzip(warc) })
        {
            var full = ReadUnderWatchdog(gz).Pages;
            Assert.Equal(3, full.Count);
            Gen.Int[0, gz.Length].SampleFixed(cut => AssertPrefix(full, ReadUnderWatchdog(gz[..cut]).Pages), seed: Seed, iter: 200);
        }
    }

    private static readonly byte[][] ArcTokens =
    [
        .. new[]
        {
            "http://a.example/ 192.0.2.1 19961104142103 text/html 40\n", "http://a b/ 1.2.3.4 2000 text/html 999999\n",
            "dns:a 1 2 text/dns 3\n", "x y z w -1\n", "x y z w abc\n", "u i d t 0\n", "1 0 Alexa\n", "2 0 X\n",
            "HTTP/1.0 200 OK\n", "Content-Type: text/html\n", "\n", "\r\n", "<html><p>x</p></html>", "filedesc://",
        }.Select(Encoding.Latin1.GetBytes),
    ];

    /// <summary>Bytes that start as an ARC file and go on with ARC-shaped tokens and noise.</summary>
    private static readonly Gen<byte[]> ArcShaped =
        Gen.OneOf(Gen.OneOf(ArcTokens), Gen.Byte.Array[1, 24]).Array[0, 60]
            .Select(parts => "filedesc://f.arc 0.0.0.0 2000 text/plain 10\n2 0 Arc\n\n"u8.ToArray().Concat(parts.SelectMany(p => p)).ToArray());

    [Fact]
    public void ArcShapedBytesNeitherCrashNorHang() =>
        ArcShaped.SampleFixed(bytes => ReadUnderWatchdog(bytes), seed: Seed, iter: 1000);

    [WarcTestDataFact]
    public void TruncationsAndMutationsOfRealArcsNeitherCrashNorHangNorKeepACutPage()
    {
        foreach (var name in new[] { "pywb/example.arc", "warcio/example.arc.gz", "warcio/bad.arc" })
        {
            var bytes = File.ReadAllBytes(WarcTestData.File(name));
            var full = ReadUnderWatchdog(bytes).Pages;
            Gen.Int[0, bytes.Length].SampleFixed(cut => AssertPrefix(full, ReadUnderWatchdog(bytes[..cut]).Pages), seed: Seed, iter: 100);
            Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Array[1, 8].SampleFixed(edits =>
            {
                var copy = bytes.ToArray();
                foreach (var (at, value) in edits)
                {
                    copy[at] = value;
                }

                ReadUnderWatchdog(copy);
            }, seed: Seed, iter: 200);
        }
    }

    [Fact]
    public void MutationsOfAWarcNeitherCrashNorHang()
    {
        var (warc, _) = SampleWarc();
        Gen.Select(Gen.Int[0, warc.Length - 1], Gen.Byte, Gen.Int[0, 2]).Array[1, 8].SampleFixed(edits =>
        {
            var bytes = warc.ToList();
            foreach (var (at, value, kind) in edits)
            {
                var i = Math.Min(at, bytes.Count - 1);
                switch (kind)
                {
                    case 0: bytes[i] = value; break;
                    case 1: bytes.Insert(i, value); break;
                    default: bytes.RemoveAt(i); break;
                }
            }

            ReadUnderWatchdog([.. bytes]);
        }, seed: Seed, iter: 500);
    }

    [WarcTestDataFact]
    public void TruncationsOfRealWarcsNeitherCrashNorKeepACutPage()
    {
        foreach (var name in new[] { "warcio/example.warc", "pywb/example.warc.gz", "resiliparse/clueweb-quirk.warc.gz" })
        {
            var bytes = File.ReadAllBytes(WarcTestData.File(name));
            var full = ReadUnderWatchdog(bytes).Pages;
            Gen.Int[0, bytes.Length].SampleFixed(cut => AssertPrefix(full, ReadUnderWatchdog(bytes[..cut]).Pages), seed: Seed, iter: 100);
        }
    }

    /// <summary>The pages of a cut file are the first pages of the whole one, byte for byte: no cut page is kept.</summary>
    private static void AssertPrefix(List<WarcRecord> full, List<WarcRecord> cut)
    {
        Assert.True(cut.Count <= full.Count, "a cut file gave more pages than the whole one");
        for (var i = 0; i < cut.Count; i++)
        {
            Assert.Equal((full[i].Offset, full[i].OffsetInMember, full[i].TargetUri), (cut[i].Offset, cut[i].OffsetInMember, cut[i].TargetUri));
            Assert.True(full[i].Body.AsSpan().SequenceEqual(cut[i].Body), $"page {i} differs from the whole file's");
        }
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> on another thread, and fails if the read throws, or if it has not
    /// ended while the input position stayed the same for <see cref="NoProgress"/>.
    /// </summary>
    private static (List<WarcRecord> Pages, List<WarcDamage> Damage, IReadOnlyDictionary<string, long> Skipped) ReadUnderWatchdog(byte[] bytes)
    {
        var input = new ProgressStream(new MemoryStream(bytes));
        var task = Task.Run(() =>
        {
            Stream stream = CompressedInput.IsGzip(bytes) ? new GzipReadStream(input) : input;
            using var reader = new WarcReader(stream, new WarcReaderOptions { MaxRecordBytes = 1 << 20, MaxHeaderBytes = 4096 });
            var (pages, damage) = reader.ReadAll();
            return (pages, damage, reader.Skipped);
        });

        var last = -1L;
        var still = TimeSpan.Zero;
        while (!task.Wait(Tick))
        {
            var now = input.Position;
            still = now == last ? still + Tick : TimeSpan.Zero;
            last = now;
            Assert.True(still < NoProgress, $"the reader made no progress for {NoProgress} at input byte {now} of {bytes.Length}");
        }

        var result = task.GetAwaiter().GetResult();
        Assert.All(result.pages, p => Assert.True(p.Body.Length <= 1 << 20));
        Assert.All(result.damage, d => Assert.True(d.Bytes >= 0 && !d.Message.Contains('\n', StringComparison.Ordinal)));
        return result;
    }

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(30);

    /// <summary>A WARC of three pages among other records (chunked, gzip-coded, a resource), with where each page's block ends.</summary>
    private static (byte[] Warc, int[] BlockEnds) SampleWarc()
    {
        var page = Encoding.UTF8.GetBytes("<html><head><title>T</title></head><body><p>" + string.Concat(Enumerable.Repeat("text ", 200)) + "</p></body></html>");
        byte[] chunked = [.. Encoding.ASCII.GetBytes($"{page.Length:x}\r\n"), .. page, .. "\r\n0\r\n\r\n"u8];
        var records = new[]
        {
            (Record("warcinfo", null, "software: test\r\n"u8.ToArray()), false),
            (Record("response", "http://a.example/", Http(200, "text/html", chunked, "Transfer-Encoding: chunked\r\n")), true),
            (Record("request", "http://a.example/", "GET / HTTP/1.1\r\n\r\n"u8.ToArray()), false),
            (Record("response", "http://b.example/", Http(200, "text/html", Gzip(page), "Content-Encoding: gzip\r\n")), true),
            (Record("resource", "http://c.example/", page, "text/html"), true),
        };
        var ends = new List<int>();
        var at = 0;
        foreach (var (record, isPage) in records)
        {
            at += record.Length;
            if (isPage)
            {
                ends.Add(at - 4);
            }
        }

        return (records.SelectMany(r => r.Item1).ToArray(), [.. ends]);
    }

    /// <summary>The WARC with each record in a gzip member of its own (records end with their "\r\n\r\n").</summary>
    private static byte[] PerRecordGzip(byte[] warc)
    {
        var text = Encoding.Latin1.GetString(warc);
        var starts = new List<int>();
        for (var at = text.IndexOf("WARC/1.1\r\n", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\r\n\r\nWARC/1.1\r\n", at + 1, StringComparison.Ordinal))
        {
            starts.Add(at == 0 ? 0 : at + 4);
        }

        starts.Add(warc.Length);
        return [.. starts.Zip(starts.Skip(1)).SelectMany(s => Gzip(warc[s.First..s.Second]))];
    }

    /// <summary>Counts the bytes read, for the watchdog.</summary>
    private sealed class ProgressStream(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Interlocked.Read(ref _position);
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Interlocked.Add(ref _position, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
