namespace Winnow.Text.English;

/// <summary>Receives tokens as they are found, in order; a struct implementation is inlined into the tokenizer's loop.</summary>
internal interface ITokenSink
{
    /// <summary>One token: <paramref name="length"/> UTF-16 units at <paramref name="start"/>; <paramref name="space"/> for a whitespace token.</summary>
    void Add(int start, int length, bool space);
}
