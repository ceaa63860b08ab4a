using System.Collections.Concurrent;

namespace Winnow.NearDedup;

/// <summary>An LSH layout: the signature is cut into <paramref name="Bands"/> bands of <paramref name="Rows"/> rows.</summary>
/// <remarks>
/// Two documents of Jaccard similarity s share at least one band with probability
/// 1 - (1 - s^r)^b. Immutable.
/// </remarks>
public readonly record struct LshParameters(int Bands, int Rows)
{
    private static readonly ConcurrentDictionary<(double Threshold, int NumPerm, double FalsePositiveWeight, double FalseNegativeWeight), LshParameters> OptimalLayouts = new();

    /// <summary>
    /// The layout with bands x rows &lt;= <paramref name="numPerm"/> that minimises
    /// <paramref name="falsePositiveWeight"/> x (area under the collision curve below the
    /// threshold) + <paramref name="falseNegativeWeight"/> x (area above the curve from the
    /// threshold to 1): the criterion of datasketch's MinHashLSH, so the defaults give the same
    /// layout (0.8, 128 → 9 bands x 13 rows).
    /// </summary>
    public static LshParameters Optimal(double threshold, int numPerm, double falsePositiveWeight = 0.5, double falseNegativeWeight = 0.5) =>
        // Thousands of numeric integrals: worth ~20 ms, and options ask for their layout more than once.
        OptimalLayouts.GetOrAdd((threshold, numPerm, falsePositiveWeight, falseNegativeWeight), k => Search(k.Threshold, k.NumPerm, k.FalsePositiveWeight, k.FalseNegativeWeight));

    private static LshParameters Search(double threshold, int numPerm, double falsePositiveWeight, double falseNegativeWeight)
    {
        var best = new LshParameters(1, 1);
        var bestError = double.MaxValue;
        for (var b = 1; b <= numPerm; b++)
        {
            for (var r = 1; r <= numPerm / b; r++)
            {
                var falsePositive = Integrate(s => Collision(s, b, r), 0, threshold);
                var falseNegative = Integrate(s => 1 - Collision(s, b, r), threshold, 1);
                var error = (falsePositiveWeight * falsePositive) + (falseNegativeWeight * falseNegative);
                if (error < bestError)
                {
                    bestError = error;
                    best = new LshParameters(b, r);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The layout for exact verification, which removes false candidates afterwards: the most rows
    /// r (fewest false candidates) such that b = numPerm / r bands make a pair of similarity
    /// <paramref name="threshold"/> a candidate with probability ≥ <paramref name="recall"/>
    /// (0.8, 128 → 21 bands x 6 rows: 0.998 at 0.8).
    /// </summary>
    public static LshParameters ForRecall(double threshold, int numPerm, double recall = 0.99)
    {
        for (var r = numPerm; r > 1; r--)
        {
            if (Collision(threshold, numPerm / r, r) >= recall)
            {
                return new LshParameters(numPerm / r, r);
            }
        }

        return new LshParameters(numPerm, 1);
    }

    /// <summary>The probability that documents of similarity <paramref name="s"/> collide in some band.</summary>
    public static double Collision(double s, int bands, int rows) => 1 - Power(1 - Power(s, rows), bands);

    // Integer powers by squaring: the layout search evaluates ~900k of them, where Math.Pow took ~20 ms of start-up.
    private static double Power(double x, int n)
    {
        var result = 1.0;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            x *= x;
            n >>= 1;
        }

        return result;
    }

    /// <summary>The probability that documents of similarity <paramref name="s"/> collide in some band.</summary>
    public double Collision(double s) => Collision(s, Bands, Rows);

    // Composite 5-point Gauss-Legendre on 64 panels: the integrands are smooth and monotone, so this
    // is accurate to far below the gaps between competing layouts.
    private static double Integrate(Func<double, double> f, double from, double to)
    {
        ReadOnlySpan<double> nodes = [0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640];
        ReadOnlySpan<double> weights = [0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891];
        const int Panels = 64;
        var width = (to - from) / Panels;
        var sum = 0.0;
        for (var p = 0; p < Panels; p++)
        {
            var mid = from + ((p + 0.5) * width);
            for (var k = 0; k < nodes.Length; k++)
            {
                sum += weights[k] * f(mid + (nodes[k] * width / 2));
            }
        }

        return sum * width / 2;
    }
}
