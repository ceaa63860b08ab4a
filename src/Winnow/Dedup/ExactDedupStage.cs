using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Text;

namespace Winnow.Dedup;

/// <summary>
/// Removes documents whose normalized text equals that of an earlier document. The first seen in
/// input order is kept; each duplicate names it in <see cref="Removal.KeptId"/>.
/// </summary>
/// <remarks>
/// Texts are compared by a 128-bit hash (XXH3-128, System.IO.Hashing) of the normalized text's
/// UTF-16 code units: at 10^9 documents the chance of any false match is about 10^-21. Memory:
/// one entry per distinct text (the hash, the kept id and about 40 bytes of table), see
/// docs/architecture.md.
/// Thread-safe: configuration only; each run keeps its table in an <see cref="ExactDedupRun"/>.
/// </remarks>
public sealed class ExactDedupStage : CorpusStage
{
    /// <summary>The reason recorded on removed documents.</summary>
    public const string Reason = RemovalReasons.ExactDuplicate;

    private const long Seed = 0x5EED_0001;
    private readonly ExactDedupOptions _options;

    /// <summary>Creates the stage.</summary>
    public ExactDedupStage(ExactDedupOptions options = default) => _options = options;

    /// <inheritdoc/>
    public override string Name => "exact_dedup";

    /// <inheritdoc/>
    internal override bool EditsText => false;

    /// <summary>The first document of each text is kept: a document is decided by the ones before it.</summary>
    public override bool NeedsWholeCorpus => false;

    internal override CorpusStageRun Start(StageContext context) => new ExactDedupRun(this, context);

    /// <summary>Each document's text hash, in parallel.</summary>
    internal UInt128[] HashAll(IReadOnlyList<Document> batch, ParallelOptions parallel)
    {
        var hashes = new UInt128[batch.Count];
        ParallelChunks.For(batch.Count, parallel, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                hashes[i] = Hash(batch[i].Text, _options.Normalization, batch[i].TextIsNfc);
            }
        });
        return hashes;
    }

    internal NormalizationOptions Normalization => _options.Normalization;

    /// <summary>The hash that decides equality: of the normalized text's UTF-16 code units.</summary>
    public static UInt128 Hash(string text, NormalizationOptions options) => Hash(text.AsSpan(), options);

    /// <inheritdoc cref="Hash(string, NormalizationOptions)"/>
    /// <param name="text">The text.</param>
    /// <param name="options">How it is normalized.</param>
    /// <param name="knownNfc">The caller knows the text is in NFC: the check is skipped.</param>
    internal static UInt128 Hash(ReadOnlySpan<char> text, NormalizationOptions options, bool knownNfc = false)
    {
        // NFC once: it sizes the buffer and is what gets normalized.
        var nfc = TextNormalizer.ToNfc(text, knownNfc);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, nfc.Length));
        try
        {
            var length = TextNormalizer.NormalizeNfc(nfc, buffer, options);
            return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(buffer.AsSpan(0, length)), Seed);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
