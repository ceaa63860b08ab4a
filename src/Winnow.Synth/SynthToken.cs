namespace Winnow.Synth;

/// <summary>One word of generated text before rendering: eight bytes, so articles stay in cache while edited.</summary>
internal struct SynthToken
{
    public int Value;
    public TokenKind Kind;
    public TokenMark Pre;
    public TokenMark Post;
    public TokenFlags Flags;

    public SynthToken(TokenKind kind, int value)
    {
        Kind = kind;
        Value = value;
    }

    public readonly bool IsSentenceEnd => (Flags & TokenFlags.SentenceEnd) != 0;

    /// <summary>True when deleting the token cannot break sentence structure or quotes.</summary>
    public readonly bool IsPlain => Pre == TokenMark.None && Post == TokenMark.None && Flags == TokenFlags.None && Kind == TokenKind.Word;
}
