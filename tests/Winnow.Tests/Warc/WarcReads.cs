using Winnow.IO;
using Winnow.Warc;

namespace Winnow.Tests.Warc;

/// <summary>Reads a WARC whole, for tests.</summary>
internal static class WarcReads
{
    /// <summary>The pages, asserting that the input held no damage.</summary>
    public static List<WarcRecord> Pages(this WarcReader reader)
    {
        var (pages, damage) = reader.ReadAll();
        Assert.Empty(damage);
        return pages;
    }

    public static (List<WarcRecord> Pages, List<WarcDamage> Damage) ReadAll(this WarcReader reader)
    {
        var entries = reader.Read().ToList();
        Assert.All(entries, e => Assert.True(e.Page is null != (e.Damage is null), "exactly one of page and damage"));
        return (entries.Where(e => e.Page is not null).Select(e => e.Page!).ToList(),
            entries.Where(e => e.Damage is not null).Select(e => e.Damage!).ToList());
    }

    /// <summary>Reads bytes as a .warc, or through the gzip reader as a .warc.gz when they start with gzip's magic.</summary>
    public static (List<WarcRecord> Pages, List<WarcDamage> Damage, IReadOnlyDictionary<string, long> Skipped) Read(byte[] bytes, WarcReaderOptions options = default)
    {
        Stream stream = CompressedInput.IsGzip(bytes) ? new GzipReadStream(new MemoryStream(bytes)) : new MemoryStream(bytes);
        using var reader = new WarcReader(stream, options);
        var (pages, damage) = reader.ReadAll();
        return (pages, damage, reader.Skipped);
    }
}
