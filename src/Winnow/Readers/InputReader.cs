using Winnow.Documents;

namespace Winnow.Readers;

/// <summary>
/// Reads input files in order and cuts them into batches of raw records: JSONL lines or whole
/// files. Unreadable input becomes rejections here; parsing happens later, in parallel.
/// </summary>
internal sealed partial class InputReader
{
    private const int BatchBytes = 8 << 20;
    private const int BatchRecords = 4096;

    private readonly IReadOnlyList<InputFile> _files;
    private readonly ReaderOptions _options;
    private readonly Stream? _standardInput;
    private long _ordinal;
    private long _bytesBefore;
    private RecordBatch _batch = new(BatchBytes);

    public InputReader(IReadOnlyList<InputFile> files, ReaderOptions options, Stream? standardInput = null)
    {
        _files = files;
        _options = options;
        _standardInput = standardInput;
    }

    /// <summary>Ordinals handed out so far: every record, rejected ones included.</summary>
    public long Ordinals => _ordinal;

    /// <summary>Blank JSONL lines skipped: they are not documents, but are counted.</summary>
    public long BlankLines { get; private set; }

    /// <summary>On-disk bytes read so far, for progress.</summary>
    public long Position { get; private set; }

    public IEnumerable<RecordBatch> ReadBatches(CancellationToken cancellationToken)
    {
        foreach (var file in _files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batches = file.Kind switch
            {
                InputKind.Jsonl when file.ReadsLikeStandardInput => ReadStandardInput(file),
                InputKind.Jsonl => ReadLines(file),
                InputKind.Warc => ReadWarc(file),
                InputKind.Parquet => ReadParquet(file),
                InputKind.Arrow => ReadArrow(file),
                InputKind.Unreadable => ReadUnreadable(file),
                _ => ReadWholeFile(file),
            };
            foreach (var full in batches)
            {
                yield return full;
            }

            _bytesBefore += Math.Max(0, file.Length);
            Position = _bytesBefore;
        }

        if (_batch.Records.Count > 0)
        {
            _batch.InputPosition = Position;
            yield return _batch;
        }
        else
        {
            _batch.Dispose();
        }
    }

    private IEnumerable<RecordBatch> ReadUnreadable(InputFile file)
    {
        AddRejection(file, 0, RejectionReasons.ReadError, "cannot read: " + file.Problem, 0);
        return [];
    }

    private void AddRecord(InputFile file, long line, ReadOnlySpan<byte> bytes, long fileOffset = -1)
    {
        var offset = _batch.Append(bytes);
        _batch.Records.Add(new RawRecord(file, line, offset, bytes.Length, _ordinal++, null, FileOffset: fileOffset));
    }

    private void AddRejection(InputFile file, long line, string reason, string message, long bytes)
    {
        var rejection = new Rejection(new DocumentSource(file.Name, line), reason, message, bytes);
        _batch.Records.Add(new RawRecord(file, line, 0, 0, _ordinal++, rejection));
    }

    /// <summary>Hands out the current batch when it is full and starts a new one.</summary>
    private RecordBatch? TakeIfFull(int nextRecordBytes)
    {
        if (_batch.Records.Count < BatchRecords && (_batch.Free >= nextRecordBytes || _batch.Records.Count == 0))
        {
            return null;
        }

        var full = _batch;
        full.InputPosition = Position;
        _batch = new RecordBatch(Math.Max(BatchBytes, nextRecordBytes));
        return full;
    }

    /// <summary>
    /// Standard input (or a pipe read like it): JSONL, or a WARC, ARC or WET stream (<c>curl … | winnow
    /// run -</c>), told apart by its first bytes once decompressed (<c>WARC/</c>; ARC's <c>filedesc://</c>).
    /// </summary>
    private IEnumerable<RecordBatch> ReadStandardInput(InputFile file)
    {
        Stream stream;
        bool isWarc;
        try
        {
            stream = InputStreams.OpenLikeStandardInput(file, _standardInput, out isWarc);
        }
        catch (IOException e)
        {
            AddRejection(file, 0, ReasonFor(e), Describe(e), 0);
            return [];
        }

        return isWarc ? ReadWarc(file, stream) : ReadLines(file, stream);
    }

    private static string Describe(Exception e) => e switch
    {
        InvalidDataException => $"corrupt or truncated compressed data ({e.Message}); the rest of the file is skipped",
        _ => $"cannot read: {e.Message}",
    };

    private static string ReasonFor(Exception e) =>
        e is InvalidDataException ? RejectionReasons.CorruptCompression : RejectionReasons.ReadError;
}
