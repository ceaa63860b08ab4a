namespace Winnow.Writers;

/// <summary>Copies whole JSONL records from files into a sharded writer, which cuts shards between records.</summary>
/// <remarks>Thread-safe: stateless; the writer is not.</remarks>
internal static class JsonlCopy
{
    /// <summary>Appends every record of <paramref name="path"/> (absent: nothing) to <paramref name="writer"/>.</summary>
    public static void Append(string path, RecordSink writer)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var buffer = new byte[4 << 20];
        var ends = new List<int>();
        var filled = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            ends.Clear();
            var at = 0;
            int next;
            while ((next = buffer.AsSpan(at, filled - at).IndexOf((byte)'\n')) >= 0)
            {
                at += next + 1;
                ends.Add(at);
            }

            if (ends.Count > 0)
            {
                writer.Write(buffer.AsSpan(0, at), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ends));
            }

            if (read == 0)
            {
                if (filled > at)
                {
                    throw new InvalidDataException($"{path} ends inside a record");
                }

                return;
            }

            Buffer.BlockCopy(buffer, at, buffer, 0, filled - at);
            filled -= at;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>The start offset of each line of <paramref name="bytes"/>, and its end as the last entry.</summary>
    public static List<int> LineStarts(ReadOnlySpan<byte> bytes)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        int next;
        while ((next = bytes[at..].IndexOf((byte)'\n')) >= 0)
        {
            at += next + 1;
            starts.Add(at);
        }

        return starts;
    }
}
