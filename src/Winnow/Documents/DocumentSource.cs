namespace Winnow.Documents;

/// <summary>Where a document or a rejected record came from.</summary>
/// <param name="File">The input path relative to its input root, with '/' separators ("-" for standard input).</param>
/// <param name="Line">The 1-based line of a JSONL record; 0 when the document is a whole file or a container record.</param>
/// <param name="Offset">The byte offset of a container record (a WARC record), or -1.</param>
public readonly record struct DocumentSource(string File, long Line, long Offset = -1)
{
    /// <summary>"file:line", "file@offset" or "file": the form used in messages.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}" : Offset >= 0 ? $"{File}@{Offset}" : File;
}
