namespace Winnow.Reuse;

/// <summary>
/// A passage shared by two documents: char offsets [start, end) into each original text, from
/// the first char of the first matched word to the last char of the last matched word.
/// </summary>
internal readonly record struct ReusePassage(
    int AStart,
    int AEnd,
    int BStart,
    int BEnd,
    int AWords,
    int BWords,
    int MatchedWords)
{
    /// <summary>2 × matched words / (words of A's side + words of B's side).</summary>
    public double Similarity => 2.0 * MatchedWords / (AWords + BWords);
}
