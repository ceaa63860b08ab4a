namespace Winnow.NearDedup;

/// <summary>Signatures, band records and (for exact verification) shingle sets of one batch, by position in the batch.</summary>
internal sealed class SignedBatch(int count, int numPerm, int bands, bool keepShingles)
{
    public uint[] Signatures { get; } = new uint[count * numPerm];

    public BandRecord[] Bands { get; } = new BandRecord[count * bands];

    public bool[] HasShingles { get; } = new bool[count];

    public ulong[]?[] Shingles { get; } = keepShingles ? new ulong[]?[count] : [];

    public int NumPerm => numPerm;

    public int BandCount => bands;

    public ReadOnlySpan<uint> Signature(int i) => Signatures.AsSpan(i * numPerm, numPerm);

    public Span<BandRecord> BandsOf(int i) => Bands.AsSpan(i * bands, bands);
}
