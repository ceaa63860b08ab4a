namespace Winnow.Synth.FromTexts;

/// <summary>Writes the documents and truth lines of a development set (UTF-8 JSON lines, non-ASCII text as itself).</summary>
internal sealed class TextDocWriter : IDisposable
{
    private readonly Stream _docs;
    private readonly Stream _truth;
    private readonly JsonLines _lines = new(1 << 16);

    public TextDocWriter(string docsPath, string truthPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(docsPath))!);
        var paths = SynthPaths.For(docsPath);
        _docs = paths.Open(docsPath);
        _truth = paths.Open(truthPath);
    }

    public void WriteDoc(string id, string text, string host)
    {
        var w = _lines.Begin();
        w.WriteString("id"u8, id);
        w.WriteString("text"u8, text);
        w.WriteString("url"u8, $"https://{host}/{id}");
        w.WriteStartObject("metadata"u8);
        w.WriteString("site"u8, host);
        w.WriteEndObject();
        _lines.End();
        Flush(_docs);
    }

    /// <summary>Starts a truth line; the caller writes its fields and calls <see cref="EndTruth"/>.</summary>
    public System.Text.Json.Utf8JsonWriter BeginTruth() => _lines.Begin();

    public void EndTruth()
    {
        _lines.End();
        Flush(_truth);
    }

    public void Dispose()
    {
        _docs.Dispose();
        _truth.Dispose();
    }

    private void Flush(Stream stream)
    {
        stream.Write(_lines.Written.Span);
        _lines.Clear();
    }
}
