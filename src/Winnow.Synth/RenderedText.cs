namespace Winnow.Synth;

/// <summary>
/// The text of a rendered <see cref="DocModel"/> plus where every token and block landed (UTF-16 offsets), which
/// is what passage truth is made of. Reused per worker thread.
/// </summary>
internal sealed class RenderedText
{
    private char[] _chars = new char[8192];
    private int[] _tokenStart = new int[1024];
    private int[] _tokenEnd = new int[1024];
    private int[] _blockStart = new int[32];
    private int[] _blockEnd = new int[32];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Text => _chars.AsSpan(0, Length);

    public int TokenStart(int token) => _tokenStart[token];

    public int TokenEnd(int token) => _tokenEnd[token];

    public int BlockStart(int block) => _blockStart[block];

    public int BlockEnd(int block) => _blockEnd[block];

    public void Reset(int tokens, int blocks)
    {
        Length = 0;
        if (_tokenStart.Length < tokens)
        {
            _tokenStart = new int[tokens * 2];
            _tokenEnd = new int[tokens * 2];
        }

        if (_blockStart.Length < blocks)
        {
            _blockStart = new int[blocks * 2];
            _blockEnd = new int[blocks * 2];
        }
    }

    public void MarkToken(int token, int start, int end)
    {
        _tokenStart[token] = start;
        _tokenEnd[token] = end;
    }

    public void MarkBlock(int block, int start, int end)
    {
        _blockStart[block] = start;
        _blockEnd[block] = end;
    }

    /// <summary>Room for <paramref name="count"/> more characters, to be committed with <see cref="Advance"/>.</summary>
    public Span<char> GetSpan(int count)
    {
        if (Length + count > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + count));
        }

        return _chars.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Append(char c)
    {
        GetSpan(1)[0] = c;
        Length++;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(GetSpan(text.Length));
        Length += text.Length;
    }
}
