namespace Winnow.Readers;

/// <summary>How an input file is read.</summary>
public enum InputKind
{
    /// <summary>One JSON object per line (.jsonl, .ndjson, .json; plain or compressed).</summary>
    Jsonl,

    /// <summary>The whole file is one document (.txt, .md, .html; plain or compressed).</summary>
    WholeFile,

    /// <summary>A WARC, ARC or WET file: each HTML page (WET: each text conversion) is one document.</summary>
    Warc,

    /// <summary>A Parquet file: each row is one document, its columns the fields.</summary>
    Parquet,

    /// <summary>A file or folder found but not readable (<see cref="InputFile.Problem"/> says why): one read_error rejection.</summary>
    Unreadable,

    /// <summary>
    /// An Arrow IPC file (.arrow, .feather; the stream format Hugging Face datasets' save_to_disk
    /// and cache write, or the file format): each row is one document, its columns the fields.
    /// </summary>
    Arrow,
}
