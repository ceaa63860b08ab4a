using System.Text;

namespace Winnow.Synth;

/// <summary>
/// Self-written sentence frames for site chrome and author promotions. Placeholders: {site}, {domain}, {s0}..{s4}
/// (section names), {year}; promos add {author}, {book}, {slug} and {topic}.
/// </summary>
internal static class BoilerplateTemplates
{
    public static readonly string[] Headers =
    [
        "{site} \u2014 independent reporting since {year}",
        "Sign in to {site} | Subscribe | Search | Today\u2019s paper",
        "Breaking news from {s0}, {s1} and beyond. Get alerts from {site}.",
        "Menu \u00B7 {s2} \u00B7 {s3} \u00B7 Weather \u00B7 Puzzles",
        "You are reading the free edition of {site}. Subscribe for full access.",
    ];

    public static readonly string[] Footers =
    [
        "Follow {site} on Chirpline, Lensgram and Facepage for the latest stories.",
        "Got a tip? Write to tips@{domain} and someone from our newsroom will get back to you.",
        "{site} is part of the Meridale Media family of publications.",
        "More from {site}: {s0} | {s1} | {s2} | {s3}",
        "Sign up for the {site} morning briefing, delivered every weekday before seven.",
        "{site}: About us \u00B7 Careers \u00B7 Advertise \u00B7 Privacy \u00B7 Terms of use",
        "Comments are closed on this story. Read our community guidelines at {domain}/community.",
        "This article was printed from {domain}. Reproduction without permission is not allowed.",
        "Download the {site} app to read offline and save stories for later.",
        "Letters to the editor can be sent to letters@{domain}. We may edit them for length.",
    ];

    public static readonly string[] Promos =
    [
        "Visit my new web site at {slug}.example for more of my reporting and a full archive.",
        "My newest book, {book}, is out now in shops and online.",
        "{author} writes about {topic} every week for {site}. Sign up for the newsletter at {domain}/{slug}.",
        "I am on tour this spring with my talk \u201C{book}\u201D \u2014 dates and tickets are on my page.",
        "You can support my independent work by joining the reader club at {slug}.example/club.",
        "Listen to my podcast, {book}, wherever you get your shows. New episodes every Friday.",
        "{author} is the author of {book} and a regular contributor to {site}.",
        "Have a story about {topic}? Send it to me directly at {slug}@{domain}.",
    ];

    public static string Pick(string[] templates, int index, string site, string domain, string[] sections, int year)
    {
        var text = new StringBuilder(templates[index % templates.Length]);
        text.Replace("{site}", site).Replace("{domain}", domain).Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (int k = 0; k < sections.Length; k++)
        {
            text.Replace("{s" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", sections[k]);
        }

        return text.ToString();
    }

    public static string FillPromo(string template, string author, string book, SynthSite site, string topic)
    {
        string slug = author.Replace(' ', '-').ToLowerInvariant();
        return new StringBuilder(template)
            .Replace("{author}", author).Replace("{book}", book).Replace("{slug}", slug)
            .Replace("{site}", site.Name).Replace("{domain}", site.Domain).Replace("{topic}", topic)
            .ToString();
    }
}
