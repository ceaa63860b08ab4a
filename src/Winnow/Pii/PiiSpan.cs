namespace Winnow.Pii;

/// <summary>One piece of personal data found in a text, in UTF-16 code units.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="Length">Its length.</param>
public readonly record struct PiiSpan(PiiKind Kind, int Start, int Length)
{
    /// <summary>Offset just past its last character.</summary>
    public int End => Start + Length;

    /// <summary>The typed placeholder that replaces it when redacting, e.g. "&lt;EMAIL&gt;".</summary>
    public string Placeholder => Kind switch
    {
        PiiKind.Email => "<EMAIL>",
        PiiKind.Phone => "<PHONE>",
        PiiKind.IpAddress => "<IP_ADDRESS>",
        PiiKind.CardNumber => "<CARD_NUMBER>",
        PiiKind.Iban => "<IBAN>",
        _ => "<PII>",
    };
}
