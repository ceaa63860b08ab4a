namespace Winnow.Text.English;

/// <summary>The tokens of one chunk while the tokenizer builds them, and its stack of suffixes. One per thread.</summary>
internal sealed class ChunkBuffer
{
    [ThreadStatic]
    private static ChunkBuffer? _threadInstance;

    private int[] _suffixStarts = new int[16];
    private int[] _suffixLengths = new int[16];

    public int[] Starts { get; private set; } = new int[64];

    public int[] Lengths { get; private set; } = new int[64];

    public int Count { get; set; }

    /// <summary>Scratch list of pattern matches (first token, end token, exception).</summary>
    public List<(int Start, int End, int Special)> Matches { get; } = [];

    /// <summary>Suffixes cut off so far, emitted last, innermost first.</summary>
    public int Suffixes { get; set; }

    public static ChunkBuffer ForThread() => _threadInstance ??= new ChunkBuffer();

    public void Clear()
    {
        Count = 0;
        Suffixes = 0;
    }

    public void Add(int start, int length)
    {
        if (Count == Starts.Length)
        {
            Starts = Grow(Starts);
            Lengths = Grow(Lengths);
        }

        Starts[Count] = start;
        Lengths[Count++] = length;
    }

    public void PushSuffix(int start, int length)
    {
        if (Suffixes == _suffixStarts.Length)
        {
            _suffixStarts = Grow(_suffixStarts);
            _suffixLengths = Grow(_suffixLengths);
        }

        _suffixStarts[Suffixes] = start;
        _suffixLengths[Suffixes++] = length;
    }

    public void PopSuffixes()
    {
        while (Suffixes > 0)
        {
            Suffixes--;
            Add(_suffixStarts[Suffixes], _suffixLengths[Suffixes]);
        }
    }

    private static int[] Grow(int[] array)
    {
        Array.Resize(ref array, array.Length * 2);
        return array;
    }
}
