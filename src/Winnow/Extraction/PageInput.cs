using Winnow.IO;
using Winnow.Readers;
using Winnow.Warc;

namespace Winnow.Extraction;

/// <summary>
/// One page to extract: its bytes, where it came from, its URL and HTTP content type. The pages of
/// `winnow extract` and of the extraction benchmarks are listed by <see cref="List"/> and read and
/// extracted by <see cref="PendingPage.Extract"/>, so that a benchmark measures what the command does.
/// </summary>
internal sealed record PageInput(string Source, string? Url, string? ContentType, byte[] Bytes)
{
    private const int MaxPageBytes = 64 << 20;

    /// <summary>
    /// The input in order, one entry per page or per thing skipped. A plain file is not read yet:
    /// <see cref="PendingPage.Read"/> reads it on whichever thread calls it, so pages are read in
    /// parallel. A WARC file's pages are read here, in order, as the sequence is enumerated.
    /// </summary>
    /// <param name="files">The input files.</param>
    /// <param name="standardInput">What "-" reads; null: the process's standard input.</param>
    public static IEnumerable<PendingPage> List(IReadOnlyList<InputFile> files, Stream? standardInput = null)
    {
        foreach (var file in files)
        {
            if (file.HoldsRecords)
            {
                // Met in a folder (the command refuses one named outright): records, not a page.
                yield return new PendingPage(null, PageRead.Skip(
                    $"{file.Name}: skipped: extract reads HTML pages and WARC, ARC or WET files (records holding HTML: winnow run --html-field NAME)", "not_a_page_file"));
                continue;
            }

            var reads = file.ReadsLikeStandardInput ? ReadStandardInput(file, standardInput)
                : file.Kind == InputKind.Warc ? ReadWarc(file)
                : null;
            if (reads is null)
            {
                yield return new PendingPage(file, default);
                continue;
            }

            foreach (var read in reads)
            {
                yield return new PendingPage(null, read);
            }
        }
    }

    /// <summary>
    /// Standard input (or a pipe read like it): a WARC, ARC or WET stream (<c>curl … | winnow extract -</c>),
    /// told by its first bytes once decompressed, else one HTML page.
    /// </summary>
    private static IEnumerable<PageRead> ReadStandardInput(InputFile file, Stream? standardInput)
    {
        Stream stream;
        bool isWarc;
        try
        {
            stream = InputStreams.OpenLikeStandardInput(file, standardInput, out isWarc);
        }
        catch (IOException e)
        {
            return [PageRead.Skip($"{file.Name}: {e.Message}", "unreadable")];
        }

        return isWarc ? ReadWarc(file, stream) : [ReadFile(file, stream)];
    }

    private static IEnumerable<PageRead> ReadWarc(InputFile file, Stream? opened = null)
    {
        using var reader = opened is null ? WarcReader.Open(file.Path) : new WarcReader(opened);
        using var entries = reader.Read().GetEnumerator();
        while (true)
        {
            string? failure = null;
            try
            {
                if (!entries.MoveNext())
                {
                    break;
                }
            }
            catch (IOException e)
            {
                failure = e.Message;
            }

            if (failure is not null)
            {
                yield return PageRead.Skip($"{file.Name}: {failure}; the rest of the file is skipped", "corrupt_file");
                break;
            }

            var entry = entries.Current;
            if (entry.Damage is { } d)
            {
                yield return PageRead.Skip($"{WarcEntry.Locate(file.Name, d.Offset, d.OffsetInMember)}: {d.Message}", d.Reason);
                continue;
            }

            var r = entry.Page!;
            yield return new PageRead(new PageInput(WarcEntry.Locate(file.Name, r.Offset, r.OffsetInMember), r.TargetUri, r.ContentType, r.Body), null, null);
        }

        if (reader.Skipped.Count > 0)
        {
            yield return new PageRead(null, null, [.. reader.Skipped]);
        }
    }

    /// <summary>The page in <paramref name="file"/>, or in <paramref name="opened"/> when it is already open (standard input).</summary>
    internal static PageRead ReadFile(InputFile file, Stream? opened = null)
    {
        if (ReadIntoBuffer(file, opened, out var buffer, out var length) is { } failure)
        {
            return failure;
        }

        var bytes = buffer[..length].ToArray();
        return new PageRead(new PageInput(file.Name, null, null, bytes), null, null);
    }

    /// <summary>
    /// Reads the page in <paramref name="file"/> and extracts it from the reading thread's buffer:
    /// what `winnow extract` does with a plain file. The bytes are not copied into an array of the
    /// page's own, which was a quarter of all that extraction allocated.
    /// </summary>
    internal static PageExtraction ExtractFile(InputFile file, HtmlExtractor extractor)
    {
        if (ReadIntoBuffer(file, null, out var buffer, out var length) is { } failure)
        {
            return new PageExtraction(failure, null, 0, null);
        }

        return new PageExtraction(default, file.Name, length, extractor.Extract(buffer[..length], null, null));
    }

    // Reads the whole page into this thread's buffer (a page is read into it and copied out at most
    // once, instead of through a chunk array and a growing MemoryStream: three to four times the page
    // in garbage); null when it worked, else why not. The buffer is valid until the thread's next page.
    private static PageRead? ReadIntoBuffer(InputFile file, Stream? opened, out Span<byte> buffer, out int length)
    {
        var pageBuffer = PageBuffer<byte>.ForPage();
        buffer = pageBuffer.Span;
        length = 0;
        try
        {
            using var stream = opened ?? CompressedInput.Open(file.Path);
            while (true)
            {
                if (length == buffer.Length)
                {
                    pageBuffer.Grow(length, (int)Math.Min(buffer.Length * 2L, MaxPageBytes + 1L));
                    buffer = pageBuffer.Span;
                }

                var read = stream.Read(buffer[length..]);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxPageBytes)
                {
                    return new PageRead(null, null, [new("too_large", 1)]);
                }
            }

            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return PageRead.Skip($"{file.Name}: {e.Message}", "unreadable");
        }
    }
}

/// <summary>One entry of <see cref="PageInput.List"/>: a plain file still to be read, or what a WARC file gave.</summary>
internal readonly struct PendingPage(InputFile? file, PageRead read)
{
    /// <summary>The page, or why there is none; thread-safe, each entry read once.</summary>
    public PageRead Read() => file is null ? read : PageInput.ReadFile(file);

    /// <summary>The page read and extracted on this thread, or why there is none; each entry once.</summary>
    public PageExtraction Extract(HtmlExtractor extractor)
    {
        if (file is not null)
        {
            return PageInput.ExtractFile(file, extractor);
        }

        // The result waits for its turn to be written without the page's bytes.
        return read.Page is { } page
            ? new PageExtraction(read with { Page = null }, page.Source, page.Bytes.Length, extractor.Extract(page))
            : new PageExtraction(read, null, 0, null);
    }
}

/// <summary>
/// What extracting one entry gave: the page's source, its size in bytes and what was extracted, or
/// (<see cref="Page"/> null) why there is none, in <see cref="Read"/>.
/// </summary>
internal readonly record struct PageExtraction(PageRead Read, string? Source, long Bytes, ExtractedPage? Page);

/// <summary>
/// What reading one entry gave: a page, or a message and the reasons counted as skipped. Applied by
/// <see cref="Report"/> in input order, so messages and counts do not depend on which thread read.
/// </summary>
internal readonly record struct PageRead(PageInput? Page, string? Message, KeyValuePair<string, long>[]? Skipped)
{
    public static PageRead Skip(string message, string reason) => new(null, message, [new(reason, 1)]);

    public void Report(IDictionary<string, long> skipped, Action<string> onError)
    {
        if (Message is not null)
        {
            onError(Message);
        }

        foreach (var (reason, count) in Skipped ?? [])
        {
            skipped[reason] = skipped.TryGetValue(reason, out var c) ? c + count : count;
        }
    }
}
