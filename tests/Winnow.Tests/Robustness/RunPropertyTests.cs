using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsCheck;
using Winnow.Cli;
using Winnow.Readers;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>
/// Property tests of whole commands as a user runs them: hostile JSONL, random bytes under every
/// input type, and HTML tag soup through `winnow run` (every default stage, boilerplate, reuse,
/// the report), `dedup` (both paths) and `extract`. Each run is under a watchdog; each must exit
/// 0 without a stack trace, account for every record, and write JSON that parses with no key
/// twice. Fixed seed and count (<see cref="HostileGen"/>).
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class RunPropertyTests
{
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(60);

    // A lone surrogate half in generated text reaches the file as U+FFFD's bytes, as any UTF-8 writer puts it.
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    [Fact]
    public void HostileJsonlThroughEveryStage() =>
        HostileGen.JsonlFile.SampleFixed(content =>
        {
            using var dir = new TempDir();
            var input = dir.Write("in.jsonl", Lenient.GetBytes(content));
            var stats = RunOk(dir, ["run", input, "--out", dir["run"], "--boilerplate", "remove", "--min-docs", "2", "--reuse", "--chrome", "-t", "2"]);
            if (ArrayElements(File.ReadAllBytes(input)) is { } elements)
            {
                Assert.Equal(elements, Long(stats, "documents", "in"));
            }
            else
            {
                var lines = content.Split('\n').Length - (content.EndsWith('\n') ? 1 : 0);
                Assert.Equal(lines, Long(stats, "documents", "in") + stats.GetProperty("blank_lines").GetInt64());
            }

            foreach (var clustersOnly in new[] { false, true })
            {
                var output = dir[$"dedup-{clustersOnly}"];
                var dedup = RunOk(dir, ["dedup", input, "--out", output, "-t", "2", .. clustersOnly ? new[] { "--clusters-only" } : []]);
                Assert.Equal(Long(stats, "documents", "in"), Long(dedup, "documents", "in"));
            }
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(25));

    [Fact]
    public void RandomBytesUnderEveryInputType()
    {
        string[] names = ["x.jsonl", "x.jsonl.gz", "x.txt", "x.md", "x.html", "x.warc", "x.warc.gz", "x.txt.gz"];
        Gen.Select(HostileGen.Bytes, Gen.Int[0, names.Length - 1], Gen.Bool).SampleFixed((bytes, kind, gzip) =>
        {
            using var dir = new TempDir();
            var name = names[kind];
            var content = gzip && name.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(bytes) : bytes;
            var input = dir.Write("in/" + name, content);
            RunOk(dir, ["run", dir["in"], "--out", dir["run"], "--reuse"]);
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(40));
    }

    [Fact]
    public void HtmlTagSoupThroughRunAndExtract() =>
        HostileGen.Html.Array[1, 6].SampleFixed(pages =>
        {
            using var dir = new TempDir();
            for (var i = 0; i < pages.Length; i++)
            {
                dir.Write($"in/p{i}.html", Lenient.GetBytes(pages[i]));
            }

            var stats = RunOk(dir, ["run", dir["in"], "--out", dir["run"], "--boilerplate", "annotate", "--min-docs", "2"]);
            Assert.Equal(pages.Length, Long(stats, "documents", "in"));
            string[] extract = ["extract", dir["in"], "--out", dir["x.jsonl"], "-q"];
            var (code, _, error) = Watchdog.Run(() => CliTests.Capture(() => Program.Run(extract)), NoProgress, () => Keep(dir, extract));
            Assert.True(code == 0, error);
            Assert.Equal(pages.Length, File.ReadAllLines(dir["x.jsonl"]).Length);
            AssertJsonLines(dir["x.jsonl"]);
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(25));

    /// <summary>Runs a command under the watchdog; it must succeed, balance its stats and write clean JSON.</summary>
    private static JsonElement RunOk(TempDir dir, string[] args)
    {
        var (code, _, error) = Watchdog.Run(() => CliTests.Capture(() => Program.Run([.. args, "-q"])), NoProgress, () => Keep(dir, args));
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        var output = args[Array.IndexOf(args, "--out") + 1];
        using var stats = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "stats.json")));
        var documents = stats.RootElement.GetProperty("documents");
        Assert.Equal(documents.GetProperty("in").GetInt64(),
            documents.GetProperty("kept").GetInt64() + documents.GetProperty("removed").GetInt64() + documents.GetProperty("rejected").GetInt64());
        foreach (var file in Directory.EnumerateFiles(output, "*.jsonl", SearchOption.AllDirectories))
        {
            AssertJsonLines(file);
        }

        return stats.RootElement.Clone();
    }

    /// <summary>
    /// Every line is one JSON value, and neither the record nor its objects of our making (metadata,
    /// attributes, removed...) name a key twice. Values below them are the input's, copied byte for byte.
    /// </summary>
    private static void AssertJsonLines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
            var keys = new Stack<HashSet<string>>();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push([]);
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName when keys.Count <= 2:
                        var key = reader.GetString()!;
                        Assert.True(keys.Peek().Add(key), $"{Path.GetFileName(path)}: key \"{key}\" twice in {line[..Math.Min(line.Length, 300)]}");
                        break;
                }
            }
        }
    }

    /// <summary>Keeps the input of a run that hung (the test's folder is deleted) and names it, with the command.</summary>
    private static string Keep(TempDir dir, string[] args)
    {
        var kept = Path.Combine(Path.GetTempPath(), "winnow-hang-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/run", StringComparison.Ordinal) && !f.Contains("/dedup-", StringComparison.Ordinal)))
        {
            var target = Path.Combine(kept, Path.GetRelativePath(dir.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return $"winnow {string.Join(' ', args).Replace(dir.Path, kept, StringComparison.Ordinal)} (input kept in {kept})";
    }

    /// <summary>
    /// The elements of a file that is one JSON array of records, each a document (docs/formats.md:
    /// a line that opens with <c>[{</c> and closes the array with nothing after it is such a file,
    /// not JSON Lines); null for any other file.
    /// </summary>
    private static long? ArrayElements(byte[] bytes)
    {
        if (InputReader.LayoutOf(bytes, wholeFile: true) != JsonLayout.Array)
        {
            return null;
        }

        var reader = new Utf8JsonReader(bytes.AsSpan(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0), new JsonReaderOptions { MaxDepth = 1000 });
        var elements = 0L;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                elements++;
            }
        }

        return elements;
    }

    private static long Long(JsonElement stats, string section, string field) => stats.GetProperty(section).GetProperty(field).GetInt64();

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
