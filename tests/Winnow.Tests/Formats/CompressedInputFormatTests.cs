using System.Text;
using K4os.Compression.LZ4.Streams;
using Winnow.Documents;
using Winnow.IO;
using Winnow.Tests.Support;
using ZstdSharp;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>zstd and lz4 input, known by magic bytes in every reader, and damage said as such.</summary>
public sealed class CompressedInputFormatTests
{
    private static string Lines(int from, int count)
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            text.Append("{\"id\":\"d").Append(i).Append("\",\"text\":\"document number ").Append(i * 7919 % 10007).Append(" of a RedPajama-like shard\",\"meta\":{\"n\":").Append(i).Append("}}\n");
        }

        return text.ToString();
    }

    internal static byte[] Zstd(string text, int level = 3)
    {
        using var compressor = new Compressor(level);
        return compressor.Wrap(Encoding.UTF8.GetBytes(text)).ToArray();
    }

    internal static byte[] Lz4(string text)
    {
        using var output = new MemoryStream();
        using (var encoder = LZ4Stream.Encode(output, leaveOpen: true))
        {
            encoder.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    [Fact]
    public void MagicBytesTellTheFormatWhateverTheName()
    {
        Assert.Equal(Compression.Zstd, CompressedInput.Detect(Zstd("x")));
        Assert.Equal(Compression.Lz4, CompressedInput.Detect(Lz4("x")));
        Assert.Equal(Compression.Zstd, CompressedInput.Detect([0x5E, 0x2A, 0x4D, 0x18])); // a skippable frame
        Assert.Equal(Compression.Gzip, CompressedInput.Detect([0x1F, 0x8B, 8, 0]));
        Assert.Equal(Compression.None, CompressedInput.Detect("{\"a\""u8));
    }

    [Fact]
    public void RedPajamaStyleJsonlZstAndLz4AreReadAsTheirPlainText()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl.zst", Zstd(Lines(0, 500)));
        dir.Write("in/b.jsonl", Zstd(Lines(500, 10))); // a zstd file under a plain name
        dir.Write("in/c.jsonl.lz4", Lz4(Lines(510, 20)));
        dir.Write("in/d.txt.zst", Zstd("a whole text file, compressed"));
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var documents = Records(dir["out"], "documents");
        Assert.Equal(531, documents.Count);
        Assert.Equal("d0", documents[0]["id"]!.GetValue<string>());
        Assert.Equal(1L, documents[0]["metadata"]!["meta"]!["n"]!.GetValue<long>() + 1);
        Assert.Equal("d.txt.zst", documents[^1]["id"]!.GetValue<string>());
        Assert.Equal("a whole text file, compressed", documents[^1]["text"]!.GetValue<string>());
        Assert.Equal(0, stats.Rejected.Documents);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void MultiFrameZstdAndLz4ReadAsOneStream()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl.zst", [.. Zstd(Lines(0, 100)), .. Zstd(Lines(100, 100), level: 19), .. Zstd(Lines(200, 1))]);
        dir.Write("in/b.jsonl.lz4", [.. Lz4(Lines(201, 50)), .. Lz4(Lines(251, 50))]);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        Assert.Equal(Enumerable.Range(0, 301).Select(i => "d" + i), Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()));
        Runs.AssertBalanced(stats);
    }

    [Theory]
    [InlineData("zst", 0.5)]
    [InlineData("zst", 0.97)]
    [InlineData("lz4", 0.5)]
    public void ATruncatedFrameIsCorruptCompressionAndTheLinesBeforeItAreKept(string format, double keep)
    {
        using var dir = new TempDir();
        var all = Lines(0, 20_000);
        var bytes = format == "zst" ? Zstd(all) : Lz4(all);
        dir.Write($"in/a.jsonl.{format}", bytes[..(int)(bytes.Length * keep)]);
        dir.Write("in/b.jsonl", "{\"id\":\"good\",\"text\":\"after the damage\"}\n");
        var stats = Runs.Exact(dir["in"], dir["out"]);

        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.CorruptCompression, rejected["reason"]!.GetValue<string>());
        Assert.Equal($"a.jsonl.{format}", rejected["source"]!["file"]!.GetValue<string>());
        Assert.Contains("truncated", rejected["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var ids = Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()).ToList();
        Assert.Equal("good", ids[^1]);
        var before = ids[..^1];
        Assert.InRange(before.Count, 1, 19_999);
        Assert.Equal(Enumerable.Range(0, before.Count).Select(i => "d" + i), before);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void CorruptZstdBytesAreCorruptCompressionNotACrash()
    {
        using var dir = new TempDir();
        var bytes = Zstd(Lines(0, 2000));
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        dir.Write("in/a.jsonl.zst", bytes);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.CorruptCompression, rejected["reason"]!.GetValue<string>());
        Runs.AssertBalanced(stats);
    }

    [ToolFact("zstd", "lz4")]
    public void JsonlCompressedByTheZstdAndLz4ToolsIsRead()
    {
        using var dir = new TempDir();
        dir.Write("plain/a.jsonl", Lines(0, 3000));
        Directory.CreateDirectory(dir["in"]);
        Tools.Run("zstd", "-q", "-19", dir["plain/a.jsonl"], "-o", dir["in/a.jsonl.zst"]);
        Tools.Run("lz4", "-q", dir["plain/a.jsonl"], dir["in/b.jsonl.lz4"]);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        Assert.Equal(3000, stats.Kept.Documents);
        Assert.Equal(3000, stats.Removed.Documents);
        Assert.Equal(new FileInfo(dir["plain/a.jsonl"]).Length * 2 - 6000, stats.In.Bytes);
        Runs.AssertBalanced(stats);
    }

    internal static byte[] BZip2(string text)
    {
        using var output = new MemoryStream();
        using (var encoder = SharpCompress.Compressors.BZip2.BZip2Stream.Create(output, SharpCompress.Compressors.CompressionMode.Compress, false, leaveOpen: true, false))
        {
            encoder.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>bzip2 (one stream, or several one after another as pbzip2 writes), told by its magic bytes; a cut one is damage, said.</summary>
    [Fact]
    public void Bzip2IsReadAndACutOneIsCorruptCompression()
    {
        using var dir = new TempDir();
        var first = BZip2(Lines(0, 400));
        dir.Write("in/a.jsonl.bz2", [.. first, .. BZip2(Lines(400, 100))]);
        var whole = BZip2(Lines(500, 2000));
        dir.Write("in/b.jsonl.bz2", whole[..(whole.Length / 2)]);
        Assert.Equal(Compression.BZip2, CompressedInput.Detect(first));
        var stats = Runs.Exact(dir["in"], dir["out"]);

        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.CorruptCompression, rejected["reason"]!.GetValue<string>());
        Assert.Equal("b.jsonl.bz2", rejected["source"]!["file"]!.GetValue<string>());
        Assert.Contains("bzip2", rejected["message"]!.GetValue<string>(), StringComparison.Ordinal);
        // All of a.jsonl.bz2's documents; b's one block (bzip2 decodes a block of up to 900 kB whole) is cut, so none of b.
        Assert.Equal(500, stats.Kept.Documents);
        Runs.AssertBalanced(stats);
    }

    [ToolFact("bzip2", "xz")]
    public void JsonlCompressedByTheBzip2AndXzToolsIsRead()
    {
        using var dir = new TempDir();
        dir.Write("plain/a.jsonl", Lines(0, 3000));
        Directory.CreateDirectory(dir["in"]);
        Tools.Run("bzip2", "-k", dir["plain/a.jsonl"]);
        Tools.Run("xz", "-k", dir["plain/a.jsonl"]);
        File.Move(dir["plain/a.jsonl.bz2"], dir["in/a.jsonl.bz2"]);
        File.Move(dir["plain/a.jsonl.xz"], dir["in/b.jsonl.xz"]);
        var xz = File.ReadAllBytes(dir["in/b.jsonl.xz"]);
        Assert.Equal(Compression.Xz, CompressedInput.Detect(xz));
        dir.Write("cut/c.jsonl.xz", xz[..(xz.Length / 2)]);
        var stats = Runs.Exact([dir["in"], dir["cut/c.jsonl.xz"]], dir["out"]);
        Assert.Equal(3000, stats.Kept.Documents);
        Assert.True(stats.Removed.Documents >= 3000);
        Assert.Equal(RejectionReasons.CorruptCompression, Assert.Single(Records(dir["out"], "rejected"))["reason"]!.GetValue<string>());
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void AZstdWarcIsReadLikeAPlainOne()
    {
        using var dir = new TempDir();
        var body = "<html><head><title>t</title></head><body><p>A page stored in a zstd-compressed WARC file, long enough to keep.</p></body></html>";
        var http = $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        var warc = $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {http.Length}\r\n\r\n{http}\r\n\r\n";
        dir.Write("in/a.warc.zst", Zstd(warc));
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var document = Assert.Single(Records(dir["out"], "documents"));
        Assert.Equal("http://a.example/", document["url"]!.GetValue<string>());
        Assert.Equal("a.warc.zst@0", document["id"]!.GetValue<string>());
        Runs.AssertBalanced(stats);
    }
}
