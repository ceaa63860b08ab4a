using Winnow.IO;
using Winnow.Readers;
using Winnow.Warc;

namespace Winnow.Extraction;

/// <summary>
/// One page to extract: its bytes, where it came from, its URL and HTTP content type. The pages of
/// `winnow extract` and of the extraction benchmarks are read by <see cref="ReadAll"/>, so that a
/// benchmark measures what the command does.
/// </summary>
internal sealed record PageInput(string Source, string? Url, string? ContentType, byte[] Bytes)
{
    private const int MaxPageBytes = 64 << 20;

    /// <summary>
    /// Pages of the input files in order; unreadable files and skipped WARC records are counted in
    /// <paramref name="skipped"/>, and <paramref name="onError"/> gets a one-line message naming the file.
    /// </summary>
    public static IEnumerable<PageInput> ReadAll(IReadOnlyList<InputFile> files, IDictionary<string, long> skipped, Action<string> onError)
    {
        foreach (var file in files)
        {
            if (file.Kind == InputKind.Warc)
            {
                foreach (var page in ReadWarc(file, skipped, onError))
                {
                    yield return page;
                }

                continue;
            }

            var bytes = ReadFile(file, skipped, onError);
            if (bytes is not null)
            {
                yield return new PageInput(file.Name, null, null, bytes);
            }
        }
    }

    private static IEnumerable<PageInput> ReadWarc(InputFile file, IDictionary<string, long> skipped, Action<string> onError)
    {
        using var reader = WarcReader.Open(file.Path);
        using var entries = reader.Read().GetEnumerator();
        while (true)
        {
            try
            {
                if (!entries.MoveNext())
                {
                    break;
                }
            }
            catch (IOException e)
            {
                onError($"{file.Name}: {e.Message}; the rest of the file is skipped");
                Add(skipped, "corrupt_file");
                break;
            }

            var entry = entries.Current;
            if (entry.Damage is { } d)
            {
                System.Console.Error.WriteLine($"{WarcEntry.Locate(file.Name, d.Offset, d.OffsetInMember)}: {d.Message}");
                Add(skipped, d.Reason);
                continue;
            }

            var r = entry.Page!;
            yield return new PageInput(WarcEntry.Locate(file.Name, r.Offset, r.OffsetInMember), r.TargetUri, r.ContentType, r.Body);
        }

        foreach (var (reason, count) in reader.Skipped)
        {
            skipped[reason] = skipped.TryGetValue(reason, out var c) ? c + count : count;
        }
    }

    // Pages up to this size leave their buffer to the next one.
    private const int KeptBufferBytes = 4 << 20;

    // The reading thread's buffer: a page is read into it and copied out once, instead of through
    // a chunk array and a growing MemoryStream (three to four times the page in garbage).
    [ThreadStatic]
    private static byte[]? _readBuffer;

    private static byte[]? ReadFile(InputFile file, IDictionary<string, long> skipped, Action<string> onError)
    {
        try
        {
            using var stream = CompressedInput.Open(file.Path);
            var buffer = _readBuffer ?? new byte[1 << 16];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxPageBytes + 1L));
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxPageBytes)
                {
                    Add(skipped, "too_large");
                    return null;
                }
            }

            _readBuffer = buffer.Length <= KeptBufferBytes ? buffer : null;
            var bytes = GC.AllocateUninitializedArray<byte>(length);
            buffer.AsSpan(0, length).CopyTo(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            onError($"{file.Name}: {e.Message}");
            Add(skipped, "unreadable");
            return null;
        }
    }

    private static void Add(IDictionary<string, long> skipped, string reason) =>
        skipped[reason] = skipped.TryGetValue(reason, out var c) ? c + 1 : 1;
}
