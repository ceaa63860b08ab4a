using System.Text;

namespace Winnow.NearDedup;

/// <summary>
/// What the stage must remember of each document beyond its signature: input ordinal, keep-policy
/// rank and id, appended during the first pass and scanned once, in order, when clusters are
/// built, so only clustered documents are ever held in memory.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class DocumentLog : IDisposable
{
    private readonly string _path;
    private BinaryWriter? _writer;

    public DocumentLog(string path)
    {
        _path = path;
        _writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8);
    }

    public void Append(long ordinal, long rank, string id)
    {
        _writer!.Write(ordinal);
        _writer.Write(rank);
        _writer.Write(id);
    }

    public void Seal()
    {
        _writer?.Dispose();
        _writer = null;
    }

    /// <summary>Calls <paramref name="wanted"/> with each index and <paramref name="found"/> for those it accepts.</summary>
    public void Scan(Func<uint, bool> wanted, Action<uint, long, long, string> found)
    {
        using var reader = new BinaryReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Encoding.UTF8);
        var length = reader.BaseStream.Length;
        for (uint index = 0; reader.BaseStream.Position < length; index++)
        {
            var ordinal = reader.ReadInt64();
            var rank = reader.ReadInt64();
            if (wanted(index))
            {
                found(index, ordinal, rank, reader.ReadString());
            }
            else
            {
                // Skip the id without decoding it: most documents are in no cluster.
                var bytes = reader.Read7BitEncodedInt();
                reader.BaseStream.Seek(bytes, SeekOrigin.Current);
            }
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        File.Delete(_path);
    }
}
