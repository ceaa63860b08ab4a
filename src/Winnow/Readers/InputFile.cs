namespace Winnow.Readers;

/// <summary>One file of a run's input.</summary>
/// <param name="Path">The path to open ("-" for standard input).</param>
/// <param name="Name">The name used in ids and sources: relative to the input folder, '/' separated.</param>
/// <param name="Kind">How it is read.</param>
/// <param name="Length">Its size on disk in bytes, or -1 when unknown (standard input).</param>
public sealed record InputFile(string Path, string Name, InputKind Kind, long Length)
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>For a piece of a plain JSONL file (a sharded run's input shard): the first byte read.</summary>
    public long SliceStart { get; init; }

    /// <summary>For a piece of a file: the byte after the last one read; -1 reads to the end.</summary>
    public long SliceEnd { get; init; } = -1;

    /// <summary>The line number of the first line read (1 unless the file is read from <see cref="SliceStart"/>).</summary>
    public long FirstLine { get; init; } = 1;

    /// <summary>The file's modification time when the input was listed (seconds, nanoseconds since 1970): a sharded run checks it on resume.</summary>
    internal (long Seconds, long Nanoseconds) Modified { get; init; }

    /// <summary>For <see cref="InputKind.Unreadable"/>: what went wrong.</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// A pipe named on the command line whose name tells no type (a shell's <c>&lt;(zcat …)</c>, read
    /// as <c>/dev/fd/63</c>): like standard input, JSONL or a WARC stream by its first bytes.
    /// </summary>
    internal bool TypeFromContent { get; init; }

    /// <summary>Standard input, or a pipe read like it (<see cref="TypeFromContent"/>).</summary>
    internal bool ReadsLikeStandardInput => Path == StandardInput || TypeFromContent;

    /// <summary>A JSONL or Parquet file: records, not a page for `winnow extract`.</summary>
    internal bool HoldsRecords => Kind is InputKind.Jsonl or InputKind.Parquet or InputKind.Arrow && !ReadsLikeStandardInput;

    /// <summary>True when only part of the file is read.</summary>
    public bool IsSlice => SliceEnd >= 0;
}
