using Winnow.Text;
using Winnow.Text.English;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// The words of one text as DataTrove's <c>split_into_words(text, "eng")</c> returns them (spaCy's English
/// tokens, whitespace tokens left out), found once and shared by the filters reading the same text, with
/// each word's length in code points (Python's <c>len</c>).
/// </summary>
/// <remarks>One instance per thread, rebuilt when the text changes (reference equality, as <see cref="TextStatistics"/>).</remarks>
internal sealed class DataTroveWords
{
    [ThreadStatic]
    private static DataTroveWords? t_current;

    [ThreadStatic]
    private static (string? Text, int Words) t_counted;

    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];
    private int[] _codePoints = new int[256];

    private DataTroveWords() => Text = null!;

    public string Text { get; private set; }

    public int Count { get; private set; }

    /// <summary>True when the text holds a surrogate pair, so code points and UTF-16 units differ.</summary>
    public bool Astral { get; private set; }

    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count);

    /// <summary>Lengths in UTF-16 units.</summary>
    public ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, Count);

    /// <summary>Lengths in code points.</summary>
    public ReadOnlySpan<int> CodePoints => Astral ? _codePoints.AsSpan(0, Count) : _lengths.AsSpan(0, Count);

    public static DataTroveWords For(string text)
    {
        var current = t_current ??= new DataTroveWords();
        if (!ReferenceEquals(current.Text, text))
        {
            current.Build(text);
        }

        return current;
    }

    /// <summary>The number of words of <paramref name="text"/>, from what this thread last tokenized or was told.</summary>
    public static int CountFor(string text) =>
        ReferenceEquals(t_counted.Text, text) ? t_counted.Words : For(text).Count;

    /// <summary>Records that <paramref name="text"/>, just built from lines already tokenized, has <paramref name="words"/> words.</summary>
    public static void Remember(string text, int words) => t_counted = (text, words);

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(_starts[index], _lengths[index]);

    private void Build(string text)
    {
        Text = text;
        Count = 0;
        Astral = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        var sink = new Collector(this);
        EnglishTokenizer.Tokenize(text, ref sink);
        if (Astral)
        {
            for (var i = 0; i < Count; i++)
            {
                _codePoints[i] = PythonStrings.Length(Text.AsSpan(_starts[i], _lengths[i]));
            }
        }
    }

    private void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _codePoints, Count * 2);
        }

        _starts[Count] = start;
        _lengths[Count++] = length;
    }

    private readonly struct Collector(DataTroveWords words) : ITokenSink
    {
        public void Add(int start, int length, bool space)
        {
            if (!space)
            {
                words.Add(start, length);
            }
        }
    }
}
