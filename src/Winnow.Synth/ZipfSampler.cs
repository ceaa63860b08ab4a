namespace Winnow.Synth;

/// <summary>
/// Walker alias table over Zipf–Mandelbrot weights 1 / (rank + q)^s: one random draw per word, exact
/// probabilities, so word and shingle frequencies fall off the way they do in real prose.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly uint[] _threshold;
    private readonly int[] _alias;

    public ZipfSampler(int size, double exponent, double shift)
    {
        Size = size;
        var weights = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++)
        {
            weights[i] = 1.0 / Math.Pow(i + shift, exponent);
            total += weights[i];
        }

        var scaled = new double[size];
        for (int i = 0; i < size; i++)
        {
            scaled[i] = weights[i] * size / total;
        }

        _threshold = new uint[size];
        _alias = new int[size];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = size - 1; i >= 0; i--)
        {
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop();
            int l = large.Pop();
            _threshold[s] = ToThreshold(scaled[s]);
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        // Leftovers are 1.0 up to rounding: they always keep their own slot.
        foreach (int i in small.Concat(large))
        {
            _threshold[i] = uint.MaxValue;
            _alias[i] = i;
        }
    }

    public int Size { get; }

    public int Sample(ref SynthRng rng)
    {
        ulong u = rng.Next();
        int slot = (int)(((u >> 32) * (ulong)Size) >> 32);
        return (uint)u < _threshold[slot] ? slot : _alias[slot];
    }

    private static uint ToThreshold(double p) => p >= 1.0 ? uint.MaxValue : (uint)(p * 4294967296.0);
}
