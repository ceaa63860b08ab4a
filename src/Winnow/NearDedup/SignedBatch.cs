using Winnow.Readers;

namespace Winnow.NearDedup;

/// <summary>Signatures, band records and (for exact verification) texts of one batch, by position in the batch.</summary>
internal sealed class SignedBatch(int count, int numPerm, int bands, bool keepTexts)
{
    public uint[] Signatures { get; } = new uint[count * numPerm];

    public BandRecord[] Bands { get; } = new BandRecord[count * bands];

    public bool[] HasShingles { get; } = new bool[count];

    /// <summary>Exact verification: each document's text as a <see cref="ShingleStore"/> blob; null for a document without words.</summary>
    public byte[]?[] Texts { get; } = keepTexts ? new byte[]?[count] : [];

    /// <summary>
    /// Exact verification: where a document's text can be read again in its input file, instead
    /// of a blob in <see cref="Texts"/> (the text-only path, input read as it lies on disk).
    /// </summary>
    public TextPlace[] Places { get; } = keepTexts ? new TextPlace[count] : [];

    /// <summary>Whether the text at <see cref="Places"/> is known to be in NFC (so verification need not check it again).</summary>
    public bool[] PlacesNfc { get; } = keepTexts ? new bool[count] : [];

    public int NumPerm => numPerm;

    public int BandCount => bands;

    public ReadOnlySpan<uint> Signature(int i) => Signatures.AsSpan(i * numPerm, numPerm);

    public Span<BandRecord> BandsOf(int i) => Bands.AsSpan(i * bands, bands);
}
