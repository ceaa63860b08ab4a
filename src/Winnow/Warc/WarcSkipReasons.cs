namespace Winnow.Warc;

/// <summary>
/// Why a well-formed WARC record produced no page. Stable: they are keys in counts and stats.
/// Damaged records are not skipped but rejected (see <see cref="WarcDamage"/>).
/// </summary>
public static class WarcSkipReasons
{
    /// <summary>A record of another type than response or resource (warcinfo, request, metadata, revisit...).</summary>
    public const string NotResponse = "warc_not_response";

    /// <summary>A response whose HTTP status is not 200.</summary>
    public const string NotOk = "warc_status_not_200";

    /// <summary>A response or resource whose content type is not HTML.</summary>
    public const string NotHtml = "warc_not_html";

    /// <summary>A record larger than the size limit, or whose decoding would exceed it (a compression bomb).</summary>
    public const string TooLarge = "warc_too_large";
}
