using Winnow.Documents;
using Winnow.Warc;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    /// <summary>WARC records skipped (not a response, not 200, not HTML, too large), by reason.</summary>
    public Dictionary<string, long> WarcSkipped { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the HTML responses of a .warc or .warc.gz file, one record each.</summary>
    private IEnumerable<RecordBatch> ReadWarc(InputFile file)
    {
        var reader = new WarcReader(InputStreams.Open(file, _standardInput),
            new WarcReaderOptions { MaxRecordBytes = _options.MaxDocumentBytes });
        using var records = reader.ReadRecords().GetEnumerator();
        while (true)
        {
            WarcRecord? record = null;
            Rejection? rejection = null;
            try
            {
                if (records.MoveNext())
                {
                    record = records.Current;
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                rejection = new Rejection(new DocumentSource(file.Name, 0), ReasonFor(e), Describe(e), 0);
            }

            if (record is null)
            {
                if (rejection is not null)
                {
                    _batch.Records.Add(new RawRecord(file, 0, 0, 0, _ordinal++, rejection));
                }

                break;
            }

            var full = TakeIfFull(record.Body.Length);
            if (full is not null)
            {
                yield return full;
            }

            var offset = _batch.Append(record.Body);
            var container = new ContainerRecord(record.Offset, record.TargetUri, record.ContentType);
            _batch.Records.Add(new RawRecord(file, 0, offset, record.Body.Length, _ordinal++, null, container));
        }

        foreach (var (reason, count) in reader.Skipped)
        {
            WarcSkipped[reason] = WarcSkipped.GetValueOrDefault(reason) + count;
        }

        reader.Dispose();
    }
}
