namespace Winnow.Evaluation;

/// <summary>One page's shingle overlap: true positives, false positives and false negatives as fractions.</summary>
/// <param name="Tp">Shingles in both texts.</param>
/// <param name="Fp">Shingles only in the extracted text.</param>
/// <param name="Fn">Shingles only in the expected text.</param>
public readonly record struct PageScore(double Tp, double Fp, double Fn)
{
    /// <summary>Precision: 1 when nothing differs, 0 when nothing was predicted.</summary>
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);

    /// <summary>Recall: 1 when nothing differs, 0 when nothing was expected.</summary>
    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);
}
