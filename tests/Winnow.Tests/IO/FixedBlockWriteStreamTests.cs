using System.Text;
using Winnow.Tests.Support;
using Winnow.Writers;

namespace Winnow.Tests.IO;

/// <summary>Compressed output parts are the same bytes however their records were grouped into writes.</summary>
public sealed class FixedBlockWriteStreamTests
{
    [Theory]
    [InlineData(OutputCompression.Gzip)]
    [InlineData(OutputCompression.Zstd)]
    public void CompressedPartsDoNotDependOnHowRecordsAreGrouped(OutputCompression compression)
    {
        // Records of varied lengths and repetition, as a run writes them: in one call, one by one,
        // and in groups of a random size.
        var random = new Random(5);
        var words = Enumerable.Range(0, 300).Select(i => new string((char)('a' + (i % 26)), 1 + (i % 9)) + i).ToArray();
        var records = Enumerable.Range(0, 400).Select(i =>
            Encoding.UTF8.GetBytes("{\"id\":\"" + i + "\",\"text\":\"" + string.Join(' ', Enumerable.Range(0, random.Next(5, 900)).Select(_ => words[random.Next(words.Length)])) + "\"}\n")).ToArray();
        using var dir = new TempDir();
        byte[] Write(string name, Func<int, int> groupSize)
        {
            var options = new OutputOptions { Compression = compression, MaxDocuments = 1_000 };
            using (var writer = new JsonlPartWriter(dir[name], options))
            {
                for (var i = 0; i < records.Length;)
                {
                    var count = Math.Min(groupSize(i), records.Length - i);
                    var group = records.Skip(i).Take(count).ToArray();
                    var ends = new int[count];
                    for (int g = 0, end = 0; g < count; g++)
                    {
                        end += group[g].Length;
                        ends[g] = end;
                    }

                    writer.Write(group.SelectMany(r => r).ToArray(), ends);
                    i += count;
                }

                writer.Complete();
            }

            return File.ReadAllBytes(Directory.GetFiles(dir[name]).Single());
        }

        var whole = Write("whole", _ => int.MaxValue);
        Assert.True(whole.Length > 1000);
        Assert.Equal(whole, Write("single", _ => 1));
        var groups = new Random(9);
        Assert.Equal(whole, Write("random", _ => groups.Next(1, 40)));
    }
}
