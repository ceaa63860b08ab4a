using CsCheck;

namespace Winnow.Tests.Support;

/// <summary>
/// Property tests that run the same cases on every run. CsCheck's <c>seed</c> pins only the first
/// iteration of a <c>Sample</c> and draws every other one at random, so a fixed seed alone gave each
/// CI run different cases, and a failure found once could not be found again. Here every case has a
/// seed of its own, drawn in order from the property's fixed seed.
/// <para>
/// A failing case is run once more through CsCheck, whose report names its seed and prints its
/// value. <c>WINNOW_FUZZ_SEED=&lt;seed&gt;</c> runs that case first and then explores at random, as
/// CsCheck does. <c>WINNOW_FUZZ_SCALE</c> multiplies the cases of the hostile-input properties (<c>HostileGen.Iterations</c>).
/// </para>
/// </summary>
internal static class FixedCases
{
    /// <summary>The seed to explore from (first case that seed, the rest at random), when one is set.</summary>
    private static string? Explore => Environment.GetEnvironmentVariable("WINNOW_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    public static void SampleFixed<T>(this Gen<T> gen, Action<T> assert, string seed, long iter)
    {
        if (Explore is { } explore)
        {
            gen.Sample(assert, seed: explore, iter: iter, threads: 1);
            return;
        }

        var cases = PCG.Parse(seed);
        for (var i = 0L; i < iter; i++)
        {
            var caseSeed = cases.ToString(cases.Next64());
            var value = gen.Generate(PCG.Parse(caseSeed), null, out _);
            try
            {
                assert(value);
            }
            catch (Exception)
            {
                // The same case again through CsCheck, for its report; a case that passes the second
                // time (a failure that depends on timing) still fails, with its first exception.
                gen.Sample(assert, seed: caseSeed, iter: 1, threads: 1);
                throw;
            }
        }
    }

    public static void SampleFixed<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, string seed, long iter) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2), seed, iter);

    public static void SampleFixed<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, string seed, long iter) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3), seed, iter);

    public static void SampleFixed<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, string seed, long iter) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3, t.Item4), seed, iter);
}
