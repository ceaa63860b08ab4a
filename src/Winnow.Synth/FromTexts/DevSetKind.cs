namespace Winnow.Synth.FromTexts;

/// <summary>Which development set to make from real texts.</summary>
internal enum DevSetKind
{
    /// <summary>Articles and their republished copies, with trap posts (near dedup).</summary>
    Republished,

    /// <summary>Articles quoting passages of other articles (text reuse).</summary>
    Quoted,
}
