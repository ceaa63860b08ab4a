namespace Winnow.NearDedup;

/// <summary>How a candidate pair from a band collision is confirmed before its documents are joined.</summary>
public enum VerifyMode
{
    /// <summary>The Jaccard similarity estimated from the two signatures must reach the threshold.</summary>
    Estimate,

    /// <summary>The Jaccard similarity of the two shingle sets (64-bit shingle hashes) must reach the threshold.</summary>
    Exact,

    /// <summary>Every band collision joins its documents (as plain MinHash-LSH does).</summary>
    None,
}
