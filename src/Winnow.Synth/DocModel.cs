namespace Winnow.Synth;

/// <summary>
/// A document before rendering: paragraphs as blocks over a token array plus its metadata. Instances are reused
/// per worker thread, so nothing here is allocated per document once the arrays have grown.
/// </summary>
internal sealed class DocModel
{
    private SynthToken[] _tokens = new SynthToken[1024];
    private SynthBlock[] _blocks = new SynthBlock[32];

    public int TokenCount { get; private set; }

    public int BlockCount { get; private set; }

    public int Site { get; set; }

    public int Author { get; set; }

    /// <summary>Publication date as days since 2000-01-01.</summary>
    public int Day { get; set; }

    /// <summary>Which of the site's sections the URL files the article under.</summary>
    public int Section { get; set; }

    public Span<SynthToken> Tokens => _tokens.AsSpan(0, TokenCount);

    public Span<SynthBlock> Blocks => _blocks.AsSpan(0, BlockCount);

    public ref SynthToken Token(int index) => ref _tokens[index];

    public ref SynthBlock Block(int index) => ref _blocks[index];

    public void Clear()
    {
        TokenCount = 0;
        BlockCount = 0;
    }

    public void AddToken(SynthToken token)
    {
        if (TokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[TokenCount++] = token;
    }

    public void AddBlock(SynthBlock block) => InsertBlock(BlockCount, block);

    public void InsertBlock(int at, SynthBlock block)
    {
        if (BlockCount == _blocks.Length)
        {
            Array.Resize(ref _blocks, _blocks.Length * 2);
        }

        Array.Copy(_blocks, at, _blocks, at + 1, BlockCount - at);
        _blocks[at] = block;
        BlockCount++;
    }

    public void RemoveBlock(int at)
    {
        Array.Copy(_blocks, at + 1, _blocks, at, BlockCount - at - 1);
        BlockCount--;
    }

    /// <summary>Copies metadata, tokens and blocks from <paramref name="other"/>.</summary>
    public void CopyFrom(DocModel other)
    {
        Clear();
        Site = other.Site;
        Author = other.Author;
        Day = other.Day;
        Section = other.Section;
        foreach (var token in other.Tokens)
        {
            AddToken(token);
        }

        foreach (var block in other.Blocks)
        {
            AddBlock(block);
        }
    }

    /// <summary>Index of the first block with the given role, or -1.</summary>
    public int FindBlock(BlockRole role)
    {
        for (int b = 0; b < BlockCount; b++)
        {
            if (_blocks[b].Role == role)
            {
                return b;
            }
        }

        return -1;
    }
}
