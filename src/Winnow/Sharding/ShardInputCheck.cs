using System.Globalization;
using Winnow.Hashing;
using Winnow.IO;
using Winnow.Readers;

namespace Winnow.Sharding;

/// <summary>
/// Makes sure a resumed run reads the input it was planned on: every input file keeps the size and
/// modification time the plan recorded, and every shard already read keeps the bytes it had — the
/// first map step records a hash of its shard's bytes in its completion marker. A shard not yet
/// read may change without harm: nothing of it is in the run yet.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class ShardInputCheck
{
    private const int BlockBytes = 1 << 20;

    /// <summary>What changed, or null when the input is as planned.</summary>
    public static string? Changed(RunPlan plan, RunFolders folders)
    {
        var files = plan.Shards.SelectMany(s => s).DistinctBy(f => f.Path).ToList();
        foreach (var file in files)
        {
            var node = FileSystemNode.Stat(file.Path);
            if (node.Kind != NodeKind.File)
            {
                return $"{file.Name} is gone";
            }

            if (node.Length != file.Length)
            {
                return $"{file.Name} was {file.Length:N0} bytes and is {node.Length:N0}";
            }

            if (node.Modified != file.Modified)
            {
                return $"{file.Name} was modified";
            }
        }

        var read = plan.Steps[0];
        for (var shard = 0; shard < plan.Shards.Count; shard++)
        {
            if (folders.DoneMarker(read, shard) is { Length: > 0 } recorded && recorded != Hash(plan.Shards[shard]))
            {
                return $"the bytes of input shard {shard} ({plan.Shards[shard][0].Name}…) changed";
            }
        }

        return null;
    }

    /// <summary>A hash of the bytes a shard reads: its files, or the piece of one, as stored on disk.</summary>
    public static string Hash(IReadOnlyList<InputFile> shard)
    {
        var hash = 0UL;
        var buffer = new byte[BlockBytes];
        foreach (var file in shard)
        {
            using var stream = FileSystemNode.OpenRead(file.Path, 1);
            var start = file.IsSlice ? file.SliceStart : 0;
            var end = file.IsSlice ? file.SliceEnd : long.MaxValue;
            stream.Position = start;
            for (var position = start; position < end;)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, end - position));
                if (read == 0)
                {
                    break;
                }

                // Block by block, each seeded with the hash so far: a chained hash of the whole.
                hash = XxHash64.Hash(buffer.AsSpan(0, read), hash);
                position += read;
            }
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
