namespace Winnow.Warc;

/// <summary>
/// Bytes of a WARC file that give no page because they are damaged: a record cut short, a broken
/// header, bytes between records, a file that is empty or not WARC at all. Readers turn it into a
/// rejection, so that the damage is counted and shown, never dropped in silence.
/// </summary>
/// <param name="Offset">Where the damage starts, as <see cref="WarcRecord.Offset"/>.</param>
/// <param name="Reason">A stable reason, one of <see cref="Documents.RejectionReasons"/>.</param>
/// <param name="Message">One line: what is wrong and what was skipped.</param>
/// <param name="Bytes">How many (decompressed) bytes it covers.</param>
public sealed record WarcDamage(long Offset, string Reason, string Message, long Bytes)
{
    /// <summary>As <see cref="WarcRecord.OffsetInMember"/>.</summary>
    public long OffsetInMember { get; init; }
}
