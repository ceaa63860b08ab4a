namespace Winnow.Synth;

/// <summary>
/// Walks a text's word 5-gram hashes in order without allocating. Each shingle is a polynomial of its five token
/// hashes, updated in O(1) per token as the window slides, then scrambled so table slots spread evenly.
/// </summary>
internal ref struct ShingleCursor
{
    private const ulong Base = 0x9E3779B97F4A7C15UL;
    private const ulong BasePow4 = unchecked(Base * Base * Base * Base);

    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private int _tokens;
    private ulong _t0;
    private ulong _t1;
    private ulong _t2;
    private ulong _t3;
    private ulong _t4;
    private ulong _poly;

    public ShingleCursor(ReadOnlySpan<char> text)
    {
        _text = text;
    }

    public bool Next(out ulong shingle)
    {
        while (ShingleJaccard.NextToken(_text, ref _position, out ulong token))
        {
            // Drop the oldest token's term, shift the window, add the newest.
            _poly = unchecked(((_poly - (_t0 * BasePow4)) * Base) + token);
            (_t0, _t1, _t2, _t3, _t4) = (_t1, _t2, _t3, _t4, token);
            if (++_tokens >= ShingleJaccard.ShingleSize)
            {
                ulong h = _poly;
                h = (h ^ (h >> 31)) * 0xBF58476D1CE4E5B9UL;
                shingle = h ^ (h >> 29);
                return true;
            }
        }

        shingle = 0;
        return false;
    }
}
