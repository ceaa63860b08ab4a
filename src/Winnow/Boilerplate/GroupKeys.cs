using Winnow.Documents;

namespace Winnow.Boilerplate;

/// <summary>The group a document's paragraphs are counted in: its host, a metadata field, or one group.</summary>
internal static class GroupKeys
{
    public static string Of(Document document, string groupBy) => groupBy switch
    {
        "none" or "" => "",
        "host" => Host(document.Url) ?? "",
        _ => document.GetMetadataString(groupBy) ?? "",
    };

    /// <summary>The URL's host, lower case, without a leading "www."; null when there is none.</summary>
    public static string? Host(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
