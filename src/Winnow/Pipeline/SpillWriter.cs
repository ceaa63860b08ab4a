using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>The survivors of a pass, written to the work folder for the next pass to replay.</summary>
internal sealed class SpillWriter : IDisposable
{
    private readonly JsonlPartWriter _writer;
    private readonly string _directory;

    public SpillWriter(string directory)
    {
        _directory = directory;
        _writer = new JsonlPartWriter(directory, new OutputOptions { MaxDocuments = long.MaxValue, MaxBytes = long.MaxValue });
    }

    /// <summary>Where survivors go instead of documents/.</summary>
    public JsonlPartWriter Writer => _writer;

    /// <summary>Closes the spill and returns it as an input for the next pass.</summary>
    public InputFile CompleteSpill()
    {
        _writer.Complete();
        var path = Path.Combine(_directory, JsonlPartWriter.FirstPart);
        if (!File.Exists(path))
        {
            // No survivors: the next pass replays an empty file.
            File.WriteAllBytes(path, []);
        }

        return new InputFile(path, Path.GetFileName(_directory), InputKind.Jsonl, new FileInfo(path).Length);
    }

    public void Dispose() => _writer.Dispose();
}
