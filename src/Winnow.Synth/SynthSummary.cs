namespace Winnow.Synth;

/// <summary>What <see cref="SyntheticCorpus.Generate"/> wrote. Immutable.</summary>
public sealed record SynthSummary
{
    /// <summary>Documents written (every kind).</summary>
    public required long Docs { get; init; }

    /// <summary>Original articles (one near-duplicate cluster each).</summary>
    public required long Originals { get; init; }

    /// <summary>Syndicated copies on other sites.</summary>
    public required long Syndicated { get; init; }

    /// <summary>Byte-identical copies.</summary>
    public required long ExactCopies { get; init; }

    /// <summary>Copies differing only in whitespace, case or punctuation.</summary>
    public required long NearCopies { get; init; }

    /// <summary>Heavily rewritten variants, each its own cluster.</summary>
    public required long FarVariants { get; init; }

    /// <summary>Distinct values of the truth "cluster" field: originals plus far variants.</summary>
    public long Clusters => Originals + FarVariants;

    /// <summary>Passages quoted from one article in another (lines of the passages file).</summary>
    public required long Passages { get; init; }

    /// <summary>Boilerplate paragraphs that occur in at least one document.</summary>
    public required int BoilerplateParagraphs { get; init; }

    /// <summary>Total UTF-16 characters of document text.</summary>
    public required long TextChars { get; init; }

    /// <summary>Size of the documents file on disk (compressed size for .gz).</summary>
    public required long DocsBytes { get; init; }

    /// <summary>The documents file.</summary>
    public required string DocsPath { get; init; }

    /// <summary>Per-document truth: one line per document, same order.</summary>
    public required string TruthPath { get; init; }

    /// <summary>Passage truth: one line per injected passage.</summary>
    public required string PassagesPath { get; init; }

    /// <summary>Boilerplate truth: one line per boilerplate paragraph of the catalog.</summary>
    public required string BoilerplatePath { get; init; }

    /// <summary>All files written, documents file first.</summary>
    public IReadOnlyList<string> Files => [DocsPath, TruthPath, PassagesPath, BoilerplatePath];

    /// <summary>Wall-clock time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }
}
