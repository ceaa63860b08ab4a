using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>What to read, where to write, and how.</summary>
public sealed record RunOptions
{
    /// <summary>Files, folders, or "-" for standard input.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The output folder (see docs/formats.md for its layout).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Field names and size limits for reading.</summary>
    public ReaderOptions Reader { get; init; } = new();

    /// <summary>Optional glob that selects files inside input folders.</summary>
    public string? Glob { get; init; }

    /// <summary>How the output is written: part files, format, layout, compression.</summary>
    public OutputOptions Output { get; init; } = new();

    /// <summary>The encoding whose tokens stats.json counts (<see cref="TokenCounter.Encodings"/>), or null for none. The command's default is o200k_base.</summary>
    public string? Tokenizer { get; init; }

    /// <summary>Worker threads; the output does not depend on it. Default: all cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>What to do with bad input.</summary>
    public ErrorPolicy OnError { get; init; } = ErrorPolicy.Reject;

    /// <summary>Replace an earlier run in <see cref="OutputDirectory"/>.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The stream read for the input "-"; default: the process's standard input.</summary>
    public Stream? StandardInput { get; init; }

    /// <summary>Receives progress about every quarter second.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>
    /// Write documents/ and removed/ (default). False: only stats.json, rejected/ and the stages'
    /// own files (such as clusters.jsonl) are written, every document still counted as kept or
    /// removed; the survivors of a whole-corpus stage are then spilled as their ordinal, size and id
    /// only, so no stage may run after it and its ApplyBatch sees documents without their text.
    /// </summary>
    public bool WriteDocuments { get; init; } = true;

    /// <summary>
    /// Let a run of near dedup alone without documents take the path that makes no documents
    /// (the default); false forces the general path, which gives the same bytes (for tests and benchmarks).
    /// </summary>
    internal bool AllowSignaturesOnly { get; init; } = true;

    /// <summary>Called for each rejected record, in input order.</summary>
    public Action<Rejection>? OnRejected { get; init; }
}
