using Winnow.Documents;
using Winnow.Readers;
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

    /// <summary>How outputs are cut into shards.</summary>
    public ShardOptions Shards { get; init; } = new();

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

    /// <summary>Called for each rejected record, in input order.</summary>
    public Action<Rejection>? OnRejected { get; init; }
}
