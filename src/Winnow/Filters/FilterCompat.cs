namespace Winnow.Filters;

/// <summary>Whose counting rules the quality filters follow; the thresholds are the same either way.</summary>
public enum FilterCompat
{
    /// <summary>
    /// The papers' rules as Winnow reads them (default): words are whitespace-separated tokens with
    /// punctuation trimmed, stop words are distinct words ignoring case, blank lines are not lines.
    /// docs/filters.md lists every difference from DataTrove with its measured effect.
    /// </summary>
    Papers,

    /// <summary>
    /// DataTrove's rules, decision for decision: its English word tokenizer (spaCy's rules), its line
    /// and paragraph splitting, n-gram measures, punctuation sets and sentence counting, and Python's
    /// string semantics (lengths in code points, Python's whitespace).
    /// </summary>
    DataTrove,
}
