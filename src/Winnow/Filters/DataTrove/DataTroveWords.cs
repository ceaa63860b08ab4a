using Winnow.Text;
using Winnow.Text.English;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// The words of one text as DataTrove's <c>split_into_words(text, "eng")</c> returns them (spaCy's English
/// tokens, whitespace tokens left out), found once and shared by the filters reading the same text, with
/// each word's length in code points (Python's <c>len</c>).
/// </summary>
/// <remarks>
/// Kept beside the text string itself (a weak table: it lives as long as the string), so stages that
/// read the same text find its words whatever order the runner calls them in, one document after
/// another or one stage over a whole batch. Immutable once built; thread-safe.
/// </remarks>
internal sealed class DataTroveWords
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, DataTroveWords> Known = new();

    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int[] _codePoints = new int[64];

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
        if (Known.TryGetValue(text, out var words) && words._starts.Length > 0)
        {
            return words;
        }

        words = new DataTroveWords();
        words.Build(text);
        Known.AddOrUpdate(text, words);
        return words;
    }

    /// <summary>The number of words of <paramref name="text"/>, tokenizing it only if nobody did or said.</summary>
    public static int CountFor(string text) => Known.TryGetValue(text, out var words) ? words.Count : For(text).Count;

    /// <summary>Records that <paramref name="text"/>, just built from lines already tokenized, has <paramref name="count"/> words.</summary>
    public static void Remember(string text, int count) => Known.AddOrUpdate(text, new DataTroveWords { Text = text, Count = count, _starts = [] });

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
