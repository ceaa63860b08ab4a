using System.Globalization;

namespace Winnow.Synth;

/// <summary>
/// Article URLs: <c>https://{domain}/{section}/{yyyy}/{mm}/{slug}-{n}</c>. Exact and near copies reuse the
/// original's path under an AMP or print variant with their own index in the query, as mirrors and feeds do.
/// </summary>
internal static class UrlBuilder
{
    private const int SlugWords = 6;

    public static void Build(RenderedText url, DocModel doc, ReadOnlySpan<char> title, in DocPlan plan, long index)
    {
        var site = SynthCatalog.Instance.Sites[doc.Site];
        url.Reset(0, 0);
        url.Append("https://");
        url.Append(site.Domain);
        url.Append('/');
        if (plan.Kind == DocKind.NearCopy)
        {
            url.Append("print/");
        }

        foreach (char c in site.Sections[doc.Section])
        {
            url.Append(char.ToLowerInvariant(c));
        }

        var date = new DateOnly(2000, 1, 1).AddDays(doc.Day);
        url.Append('/');
        AppendNumber(url, date.Year, "D4");
        url.Append('/');
        AppendNumber(url, date.Month, "D2");
        url.Append('/');
        int words = 0;
        foreach (char c in title)
        {
            if (c == ' ' && ++words == SlugWords)
            {
                break;
            }

            url.Append(c == ' ' ? '-' : char.ToLowerInvariant(c));
        }

        url.Append('-');
        bool copy = plan.Kind is DocKind.ExactCopy or DocKind.NearCopy;
        AppendNumber(url, copy ? plan.Base : index, null);
        if (copy)
        {
            url.Append(plan.Kind == DocKind.ExactCopy ? "?output=amp&v=" : "?v=");
            AppendNumber(url, index, null);
        }
    }

    private static void AppendNumber(RenderedText url, long value, string? format)
    {
        value.TryFormat(url.GetSpan(20), out int written, format, CultureInfo.InvariantCulture);
        url.Advance(written);
    }
}
