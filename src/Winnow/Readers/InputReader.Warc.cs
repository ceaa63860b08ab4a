using Winnow.Documents;
using Winnow.Warc;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    /// <summary>WARC records skipped (not a response, not 200, not HTML, too large), by reason.</summary>
    public Dictionary<string, long> WarcSkipped { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the HTML pages (and WET texts) of a WARC, ARC or WET file (or of <paramref name="opened"/>), one record each; damage becomes rejections.</summary>
    private IEnumerable<RecordBatch> ReadWarc(InputFile file, Stream? opened = null)
    {
        var reader = new WarcReader(opened ?? InputStreams.Open(file, _standardInput),
            new WarcReaderOptions { MaxRecordBytes = _options.MaxDocumentBytes });
        using var entries = reader.Read().GetEnumerator();
        while (true)
        {
            WarcEntry entry = default;
            Rejection? rejection = null;
            try
            {
                if (entries.MoveNext())
                {
                    entry = entries.Current;
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                rejection = new Rejection(new DocumentSource(file.Name, 0), ReasonFor(e), Describe(e), 0);
            }

            if (entry.Damage is { } damage)
            {
                rejection = Reject(file, damage);
            }

            if (rejection is not null)
            {
                _batch.Records.Add(new RawRecord(file, 0, 0, 0, _ordinal++, rejection));
            }

            if (entry.Page is not { } page)
            {
                if (entry.Damage is null)
                {
                    break;
                }

                continue;
            }

            var full = TakeIfFull(page.Body.Length);
            if (full is not null)
            {
                yield return full;
            }

            var offset = _batch.Append(page.Body);
            var container = new ContainerRecord(page.Offset, page.OffsetInMember, page.TargetUri, page.ContentType, page.IsText);
            _batch.Records.Add(new RawRecord(file, 0, offset, page.Body.Length, _ordinal++, null, container));
        }

        foreach (var (reason, count) in reader.Skipped)
        {
            WarcSkipped[reason] = WarcSkipped.GetValueOrDefault(reason) + count;
        }

        reader.Dispose();
    }

    /// <summary>A rejection for damaged WARC bytes: "file@offset: message", the position inside a gzip member said too.</summary>
    private static Rejection Reject(InputFile file, WarcDamage damage)
    {
        var message = damage.OffsetInMember == 0 ? damage.Message : $"at byte {damage.OffsetInMember} of its gzip member: {damage.Message}";
        return new Rejection(new DocumentSource(file.Name, 0, damage.Offset), damage.Reason, message, damage.Bytes);
    }
}
