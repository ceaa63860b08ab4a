namespace Winnow.Filters;

/// <summary>What a filter does with a document that breaks one of its rules.</summary>
public enum FilterMode
{
    /// <summary>Remove it, recording the rule, the measured value and the threshold.</summary>
    Remove,

    /// <summary>Keep it and record every measured value and the rules that would have fired.</summary>
    Annotate,
}
