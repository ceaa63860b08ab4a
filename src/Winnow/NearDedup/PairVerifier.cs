namespace Winnow.NearDedup;

/// <summary>Measures the similarity of two documents from the stores: estimated from signatures, or exact from shingle sets.</summary>
/// <remarks>Thread-safe once the stores are sealed; each thread passes its own <see cref="Scratch"/>.</remarks>
internal sealed class PairVerifier(MinHashOptions options, SignatureStore signatures, ShingleStore? shingles)
{
    private readonly VerifyMode _mode = options.Verify;
    private readonly double _threshold = options.Threshold;

    public sealed class Scratch(int numPerm, ShingleStore.Reader? sets)
    {
        public uint[] A { get; } = new uint[numPerm];

        public uint[] B { get; } = new uint[numPerm];

        public ShingleStore.Reader? Sets { get; } = sets;

        public bool[] Covered = new bool[256];
    }

    /// <summary>Whether similarities are exact Jaccard of the shingle sets (the same from <see cref="Measure"/> and <see cref="Similarity"/>).</summary>
    public bool IsExact => _mode == VerifyMode.Exact && shingles is not null;

    public Scratch CreateScratch() => new(options.NumPerm, shingles?.CreateReader(options.NGram, options.Seed));

    /// <summary>Whether a measured pair is a near duplicate.</summary>
    public bool Joins(Measurement m) => Joins(m.Similarity);

    /// <summary>
    /// Whether the smaller document of a pair that does not join is contained in the larger: at
    /// least the threshold share of its shingles are in the larger's (exact verification only).
    /// </summary>
    public bool Contains(Measurement m) => _mode == VerifyMode.Exact && m.Containment >= _threshold;

    /// <summary>Jaccard similarity (exact or estimated), containment of the smaller set in the larger (exact verification only).</summary>
    public readonly record struct Measurement(double Similarity, double Containment, bool AIsSmaller);

    public bool Accept(uint a, uint b, Scratch scratch) => _mode == VerifyMode.None || Similarity(a, b, scratch) >= _threshold;

    /// <summary>
    /// The similarity of two documents and, with exact verification, the share of the smaller
    /// set's shingles found in the larger (0 otherwise); <c>AIsSmaller</c> says which is the smaller
    /// (fewer shingles; on a tie the later document).
    /// </summary>
    public Measurement Measure(uint a, uint b, Scratch scratch)
    {
        if (_mode != VerifyMode.Exact || shingles is null)
        {
            return new Measurement(_mode == VerifyMode.None ? 1 : Similarity(a, b, scratch), 0, false);
        }

        var setA = scratch.Sets!.Read(a);
        var setB = scratch.Sets.ReadBeside(b);
        int countA = setA.Length, countB = setB.Length;
        if (countA == 0 && countB == 0)
        {
            return new Measurement(1, 1, a > b);
        }

        var common = ShingleStore.Overlap(setA, setB);
        var aIsSmaller = countA < countB || (countA == countB && a > b);
        return new Measurement((double)common / (countA + countB - common), (double)common / Math.Max(1, Math.Min(countA, countB)), aIsSmaller);
    }

    /// <summary>
    /// How much of <paramref name="small"/>'s shingle set its <paramref name="containers"/> lack
    /// (exact verification only): the shingles found in none of them, and the fewest that any one
    /// of them lacks.
    /// </summary>
    public (int InNone, int FewestInOne) Uncovered(uint small, ReadOnlySpan<uint> containers, Scratch scratch)
    {
        var set = scratch.Sets!.Read(small);
        var count = set.Length;
        if (scratch.Covered.Length < count)
        {
            scratch.Covered = new bool[Math.Max(count, scratch.Covered.Length * 2)];
        }

        var covered = scratch.Covered.AsSpan(0, count);
        covered.Clear();
        var fewest = count;
        foreach (var container in containers)
        {
            var found = ShingleStore.Overlap(set, scratch.Sets.ReadBeside(container), covered);
            fewest = Math.Min(fewest, count - found);
        }

        return (count - covered.Count(true), fewest);
    }

    /// <summary>Whether a measured similarity joins two documents (always, without verification).</summary>
    public bool Joins(double similarity) => _mode == VerifyMode.None || similarity >= _threshold;

    /// <summary>The share of equal signature values (datasketch's estimate), or the exact Jaccard of the shingle sets.</summary>
    public double Similarity(uint a, uint b, Scratch scratch)
    {
        if (_mode == VerifyMode.Exact && shingles is not null)
        {
            return ShingleStore.Jaccard(scratch.Sets!.Read(a), scratch.Sets.ReadBeside(b));
        }

        signatures.Read(a, scratch.A);
        signatures.Read(b, scratch.B);
        return Estimate(scratch.A, scratch.B);
    }

    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / a.Length;
    }
}
