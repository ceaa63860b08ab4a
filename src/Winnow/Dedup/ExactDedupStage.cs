using System.Buffers;
using System.Runtime.InteropServices;
using Winnow.Documents;
using Winnow.Hashing;
using Winnow.Pipeline;
using Winnow.Text;

namespace Winnow.Dedup;

/// <summary>
/// Removes documents whose normalized text equals that of an earlier document. The first seen in
/// input order is kept; each duplicate names it in <see cref="Removal.KeptId"/>.
/// </summary>
/// <remarks>
/// Texts are compared by a 128-bit MurmurHash3 of the normalized text's UTF-16 code units: at
/// 10^9 documents the chance of any false match is about 10^-21. Memory: one entry per distinct
/// text (the hash, the kept id and about 40 bytes of table), see docs/architecture.md.
/// Not thread-safe; the runner calls it one batch at a time.
/// </remarks>
public sealed partial class ExactDedupStage : CorpusStage
{
    /// <summary>The reason recorded on removed documents.</summary>
    public const string Reason = "exact_duplicate";

    private const uint Seed = 0x5EED_0001;
    private readonly ExactDedupOptions _options;
    private readonly Dictionary<UInt128, string> _firstSeen = [];

    /// <summary>Creates the stage.</summary>
    public ExactDedupStage(ExactDedupOptions options = default) => _options = options;

    /// <inheritdoc />
    public override string Name => "exact_dedup";

    /// <inheritdoc />
    public override void ProcessBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        var hashes = HashAll(batch, context);
        for (var i = 0; i < batch.Count; i++)
        {
            // Batches arrive in input order and are scanned in order: the first seen wins.
            if (EarlierWithText(hashes[i], batch[i].Id) is { } keptId)
            {
                batch[i].Remove(new Removal(Name, Reason, keptId));
            }
        }
    }

    /// <summary>The id of the first document seen with this text, or null (and this one is now the first).</summary>
    internal string? EarlierWithText(UInt128 hash, string id)
    {
        // One table lookup whether the text is new or not.
        ref var keptId = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstSeen, hash, out var seen);
        if (seen)
        {
            return keptId;
        }

        keptId = id;
        return null;
    }

    private UInt128[] HashAll(IReadOnlyList<Document> batch, StageContext context)
    {
        var hashes = new UInt128[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = context.Parallelism, CancellationToken = context.CancellationToken };
        ParallelChunks.For(batch.Count, parallel, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                hashes[i] = Hash(batch[i].Text, _options.Normalization);
            }
        });
        return hashes;
    }

    /// <summary>The options texts are normalized with.</summary>
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
            return MurmurHash3x64_128.Hash(MemoryMarshal.AsBytes(buffer.AsSpan(0, length)), Seed);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
