using Winnow.Documents;

namespace Winnow.Filters;

/// <summary>How many lines each C4 line rule dropped in one document.</summary>
internal struct C4LineTally
{
    private int _longWord;
    private int _noPunctuation;
    private int _fewWords;
    private int _javascript;
    private int _policy;

    public int Total { get; private set; }

    public void Count(C4LineVerdict verdict)
    {
        Total++;
        switch (verdict)
        {
            case C4LineVerdict.LongWord: _longWord++; break;
            case C4LineVerdict.NoTerminalPunctuation: _noPunctuation++; break;
            case C4LineVerdict.TooFewWords: _fewWords++; break;
            case C4LineVerdict.Javascript: _javascript++; break;
            case C4LineVerdict.Policy: _policy++; break;
        }
    }

    /// <summary>Records the counts that are not zero, so a reader of the output sees what was cut.</summary>
    public readonly void Record(Document document, string stage)
    {
        Set(document, stage, "lines_dropped_long_word", _longWord);
        Set(document, stage, "lines_dropped_no_terminal_punctuation", _noPunctuation);
        Set(document, stage, "lines_dropped_too_few_words", _fewWords);
        Set(document, stage, "lines_dropped_javascript", _javascript);
        Set(document, stage, "lines_dropped_policy", _policy);
    }

    private static void Set(Document document, string stage, string name, int count)
    {
        if (count > 0)
        {
            document.SetAttribute(stage, name, count);
        }
    }
}
