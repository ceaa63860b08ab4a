namespace Winnow.Warc;

/// <summary>Why a WARC record produced no page. Stable: they are keys in counts and stats.</summary>
public static class WarcSkipReasons
{
    /// <summary>A record of another type than response (warcinfo, request, metadata...).</summary>
    public const string NotResponse = "warc_not_response";

    /// <summary>A response whose HTTP status is not 200.</summary>
    public const string NotOk = "warc_status_not_200";

    /// <summary>A response whose content type is not HTML.</summary>
    public const string NotHtml = "warc_not_html";

    /// <summary>A record larger than the size limit, or whose decoding would exceed it (a compression bomb).</summary>
    public const string TooLarge = "warc_too_large";

    /// <summary>A response with a broken HTTP head, chunking or content encoding.</summary>
    public const string BadHttp = "warc_bad_http";

    /// <summary>A record whose WARC header cannot be parsed; reading stops there.</summary>
    public const string BadRecord = "warc_bad_record";
}
