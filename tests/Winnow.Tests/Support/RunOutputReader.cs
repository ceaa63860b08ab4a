using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Winnow.Tests.Support;

/// <summary>Reads a run's output folder back for assertions.</summary>
internal static class RunOutputReader
{
    public static List<JsonObject> Records(string runDirectory, string folder)
    {
        var dir = Path.Combine(runDirectory, folder);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var records = new List<JsonObject>();
        foreach (var file in Directory.GetFiles(dir, "part-*").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (file.EndsWith(".parquet", StringComparison.Ordinal))
            {
                records.AddRange(Writers.OutputRecords.ReadParquet(file).Select(line => JsonNode.Parse(line)!.AsObject()));
                continue;
            }

            using var stream = file.EndsWith(".gz", StringComparison.Ordinal)
                ? (Stream)new GZipStream(File.OpenRead(file), CompressionMode.Decompress)
                : file.EndsWith(".zst", StringComparison.Ordinal) ? new ZstdSharp.DecompressionStream(File.OpenRead(file)) : File.OpenRead(file);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                records.Add(JsonNode.Parse(line)!.AsObject());
            }
        }

        return records;
    }

    public static JsonObject Stats(string runDirectory) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "stats.json")))!.AsObject();

    /// <summary>Every file of a run folder by relative path, except a sharded run's bookkeeping under .winnow/: for byte-identity checks.</summary>
    public static SortedDictionary<string, byte[]> AllFiles(string runDirectory)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(runDirectory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(runDirectory, file);
            if (name.StartsWith(".winnow" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // A sharded run's plan and markers: how the run was made, not what it made.
                continue;
            }

            files[name] = File.ReadAllBytes(file);
        }

        return files;
    }

    /// <summary>Asserts that two run folders hold the same files, byte for byte (<see cref="AllFiles"/>); <paramref name="because"/> ends the message.</summary>
    public static void AssertSameRun(string expectedDirectory, string actualDirectory, string because = "")
    {
        var expected = AllFiles(expectedDirectory);
        var actual = AllFiles(actualDirectory);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs{because}");
        }
    }

    public static long Long(JsonNode? node) => node!.GetValue<long>();

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
