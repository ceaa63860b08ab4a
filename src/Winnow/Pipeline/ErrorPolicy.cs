namespace Winnow.Pipeline;

/// <summary>What a run does with bad input.</summary>
public enum ErrorPolicy
{
    /// <summary>Write the record to rejected/ with its reason and go on (the default).</summary>
    Reject,

    /// <summary>Stop at the first bad record with an <see cref="InputRejectedException"/>.</summary>
    Fail,
}
