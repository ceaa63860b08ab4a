using System.Globalization;

namespace Winnow.Warc;

/// <summary>What <see cref="WarcReader.Read"/> yields: a page or damage, exactly one of them non-null.</summary>
/// <param name="Page">An HTML page.</param>
/// <param name="Damage">Damaged bytes that give no page.</param>
public readonly record struct WarcEntry(WarcRecord? Page, WarcDamage? Damage)
{
    /// <summary>
    /// "FILE@OFFSET", or "FILE@OFFSET+IN_MEMBER" for a later record of a gzip member that holds
    /// several: the id of a WARC page, the same on every run.
    /// </summary>
    public static string Locate(string file, long offset, long offsetInMember) =>
        offsetInMember == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{file}@{offset}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}@{offset}+{offsetInMember}");
}
