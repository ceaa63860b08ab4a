namespace Winnow.Readers;

/// <summary>How an input file is read.</summary>
public enum InputKind
{
    /// <summary>One JSON object per line (.jsonl, .ndjson, .json; gzipped or not).</summary>
    Jsonl,

    /// <summary>The whole file is one document (.txt, .md, .html; gzipped or not).</summary>
    WholeFile,

    /// <summary>A WARC file (.warc, .warc.gz): each HTML response record is one document.</summary>
    Warc,

    /// <summary>A file or folder found but not readable (<see cref="InputFile.Problem"/> says why): one read_error rejection.</summary>
    Unreadable,
}
