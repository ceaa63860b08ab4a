namespace Winnow.Extraction.Html;

/// <summary>
/// Element names the fast parser knows, as small integers, with the HTML tree-building categories
/// it needs: void, special (stops "any other end tag"), scope boundaries, p-closing blocks, raw text.
/// Names not listed get per-parse ids above <see cref="Count"/>.
/// </summary>
/// <remarks>Thread-safe: immutable tables.</remarks>
internal static class HtmlTags
{
    private static readonly string[] Names =
    [
        "html", "head", "body", "title", "meta", "link", "base", "script", "style", "noscript", "template", "textarea",
        "xmp", "iframe", "noembed", "noframes", "plaintext", "p", "div", "span", "a", "b", "i", "em", "strong", "u", "s",
        "small", "big", "code", "font", "nobr", "strike", "tt", "li", "ul", "ol", "dl", "dt", "dd", "table", "caption",
        "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
        "listing", "form", "button", "select", "option", "optgroup", "br", "img", "image", "hr", "input", "area", "embed",
        "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "frameset", "address", "article",
        "aside", "blockquote", "center", "details", "dialog", "dir", "fieldset", "figcaption", "figure", "footer",
        "header", "hgroup", "main", "menu", "nav", "search", "section", "summary", "applet", "marquee", "object", "svg",
        "math", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "label", "sup", "sub", "var",
        "ruby", "time",
    ];

    private static readonly Dictionary<string, int> Ids = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> IdsBySpan = Ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly int Count = Names.Length;

    public static readonly int Root = Ids["html"], Head = Ids["head"], Body = Ids["body"], Title = Ids["title"], Script = Ids["script"],
        Style = Ids["style"], Noscript = Ids["noscript"], Template = Ids["template"], Textarea = Ids["textarea"], Plaintext = Ids["plaintext"],
        P = Ids["p"], A = Ids["a"], Li = Ids["li"], Ul = Ids["ul"], Ol = Ids["ol"], Dl = Ids["dl"], Dt = Ids["dt"], Dd = Ids["dd"],
        Table = Ids["table"], Caption = Ids["caption"], Colgroup = Ids["colgroup"], Col = Ids["col"], Tbody = Ids["tbody"],
        Thead = Ids["thead"], Tfoot = Ids["tfoot"], Tr = Ids["tr"], Td = Ids["td"], Th = Ids["th"], H1 = Ids["h1"], H6 = Ids["h6"],
        Pre = Ids["pre"], Listing = Ids["listing"], Form = Ids["form"], Button = Ids["button"], Option = Ids["option"],
        Optgroup = Ids["optgroup"], Br = Ids["br"], Image = Ids["image"], Img = Ids["img"], Svg = Ids["svg"], MathMl = Ids["math"],
        Frameset = Ids["frameset"], Input = Ids["input"];

    public static readonly bool[] Voids = Set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen", "basefont", "bgsound", "frame");

    public static readonly bool[] Special = Set("address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote",
        "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
        "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary",
        "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp");

    /// <summary>Elements that bound the default scope.</summary>
    public static readonly bool[] Boundary = Set("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
        "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml");

    /// <summary>Start tags that close an open &lt;p&gt;.</summary>
    public static readonly bool[] ClosesP = Set("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
        "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp", "li", "dd", "dt");

    /// <summary>End tags handled by "pop to it when in scope".</summary>
    public static readonly bool[] BlockEnd = Set("address", "article", "aside", "blockquote", "button", "center", "details", "dialog",
        "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
        "pre", "search", "section", "summary", "ul", "form", "applet", "marquee", "object");

    /// <summary>Allowed in &lt;head&gt;.</summary>
    public static readonly bool[] HeadContent = Set("base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes",
        "style", "script", "template");

    /// <summary>Start tags that end foreign (SVG, MathML) content.</summary>
    public static readonly bool[] BreaksForeign = Set("b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
        "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
        "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var");

    /// <summary>Raw text: content is text up to the matching end tag.</summary>
    public static readonly bool[] RawText = Set("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "template");

    /// <summary>Table-structure elements: everything else met directly in a table is moved before it.</summary>
    public static readonly bool[] TableContext = Set("table", "tbody", "thead", "tfoot", "tr");

    public static readonly bool[] TablePart = Set("caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "table",
        "script", "style", "template", "form", "input");

    public static string Name(int id) => Names[id];

    /// <summary>
    /// Whether the text of a raw-text element named <paramref name="tag"/> goes into the tree. Of
    /// scripts only JSON-LD is read (metadata), and no style sheet is: on the benchmark pages the
    /// two are half of all characters, and keeping them cost a string each for nothing.
    /// </summary>
    public static bool KeepsRawText(string tag, string? type) =>
        tag switch { "script" => IsJsonLd(type), "style" => false, _ => true };

    /// <summary>Whether a script's <c>type</c> attribute marks JSON-LD.</summary>
    public static bool IsJsonLd(string? type) => string.Equals(type?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="id"/> (possibly a per-parse id) is in <paramref name="set"/>.</summary>
    public static bool Is(bool[] set, int id) => id < set.Length && set[id];

    public static bool TryGet(ReadOnlySpan<char> lowerName, out int id) => IdsBySpan.TryGetValue(lowerName, out id);

    public static bool IsHeading(int id) => id >= H1 && id <= H6;

    private static bool[] Set(params string[] names)
    {
        var set = new bool[Names.Length];
        foreach (var n in names)
        {
            set[Ids[n]] = true;
        }

        return set;
    }
}
