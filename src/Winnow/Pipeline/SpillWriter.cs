using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>
/// The survivors of a pass, written to the work folder for the next pass to replay. It notes
/// where each record starts as it writes it: a stage that reads records back in place (near
/// dedup's verification) is given those offsets, where finding them again meant reading the
/// whole spill once more, alone on one core (a second of a 1M-document run).
/// </summary>
internal sealed class SpillWriter : RecordSink
{
    private readonly JsonlPartWriter _writer;
    private readonly string _directory;
    private readonly List<long> _lineStarts = [];
    private long _bytes;

    public SpillWriter(string directory)
    {
        _directory = directory;
        _writer = new JsonlPartWriter(directory, new OutputOptions { MaxDocuments = long.MaxValue, MaxBytes = long.MaxValue });
    }

    /// <summary>Where each record written so far starts in the spill file, in order.</summary>
    public IReadOnlyList<long> LineStarts => _lineStarts;

    public override IReadOnlyList<string> Parts => _writer.Parts;

    public override long Documents => _writer.Documents;

    public override void Write(ReadOnlySpan<byte> records, ReadOnlySpan<int> ends)
    {
        var start = 0;
        foreach (var end in ends)
        {
            _lineStarts.Add(_bytes + start);
            start = end;
        }

        _writer.Write(records, ends);
        _bytes += start;
    }

    /// <summary>Closes the spill; <see cref="Spilled"/> is then the input of the next pass.</summary>
    public override void Complete()
    {
        _writer.Complete();
        var path = Path.Combine(_directory, JsonlPartWriter.FirstPart);
        if (!File.Exists(path))
        {
            // No survivors: the next pass replays an empty file.
            File.WriteAllBytes(path, []);
        }

        Spilled = new InputFile(path, Path.GetFileName(_directory), InputKind.Jsonl, new FileInfo(path).Length);
    }

    /// <summary>The spill file, once <see cref="Complete"/>d.</summary>
    public InputFile? Spilled { get; private set; }

    public override void Dispose() => _writer.Dispose();
}
