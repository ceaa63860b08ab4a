namespace Winnow.Pii;

/// <summary>What <see cref="PiiStage"/> does with what it finds.</summary>
public enum PiiMode
{
    /// <summary>Replace each find with a typed placeholder such as &lt;EMAIL&gt; and record counts.</summary>
    Redact,

    /// <summary>Leave the text alone and record each find's kind and position.</summary>
    Annotate,
}
