namespace Winnow.Filters;

/// <summary>A start and length inside a text.</summary>
internal readonly record struct Segment(int Start, int Length)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);
}
