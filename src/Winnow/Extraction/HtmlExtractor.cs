using AngleSharp.Html.Parser;
using Winnow.Extraction.Html;
using Winnow.IO;
using Winnow.Text;

namespace Winnow.Extraction;

/// <summary>
/// Extracts the main content and metadata of an HTML page. The page is parsed by Winnow's own
/// tolerant parser (or, as <see cref="ExtractionOptions.Parser"/> selects, AngleSharp's HTML5
/// parser) with scripting off; nothing is fetched or run.
/// </summary>
/// <remarks>Thread-safe: each call parses into its own document.</remarks>
public sealed class HtmlExtractor
{
    private readonly ExtractionOptions _options;

    /// <summary>Creates an extractor.</summary>
    public HtmlExtractor(ExtractionOptions options = default)
    {
        _options = options == default ? new ExtractionOptions() : options;
    }

    // A parser (and its browsing context) per thread: building one per page cost more than some
    // of the extraction steps, and a parser is not documented as safe for concurrent use.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(ParserOptions));

    /// <summary>AngleSharp's parser settings: scripting off, no comments, no source positions.</summary>
    internal static HtmlParserOptions ParserOptions { get; } = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        IsNotConsumingCharacterReferences = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        SkipDataText = false,
    };

    /// <summary>
    /// Extracts a small built-in page and discards the result: a thread that will extract pages
    /// calls it while it would otherwise wait (a command's helper threads while it lists its input),
    /// so that the tables the extractor builds on first use, and the code and memory every page
    /// touches, are ready before the first real page. The result of any later page is the same.
    /// </summary>
    internal void WarmUp() => Extract(WarmUpPage, null, null);

    // Every part of the extractor a typical page reaches: metadata (meta tags, JSON-LD, a time
    // element, a byline), entities, the content tree's candidates and chrome, tables, lists, code.
    internal static ReadOnlySpan<byte> WarmUpPage => """
        <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Warm-up page | Winnow</title>
        <meta name="description" content="A page the extractor reads before its first real one."><meta property="og:site_name" content="Winnow">
        <meta name="author" content="By A. Writer"><link rel="canonical" href="https://example.org/news/2024/05/06/warm-up">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Warm-up","datePublished":"2024-05-06T07:08:09Z","author":{"@type":"Person","name":"A. Writer"}}</script>
        <style>p { margin: 0 }</style><script>var unused = 1;</script></head>
        <body class="post-template"><header class="site-header"><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
        <main id="content"><article class="post entry-content"><h1>Warm-up</h1><p class="byline">Posted by <a rel="author" href="/a">A. Writer</a> on <time datetime="2024-05-06">6 May 2024</time></p>
        <p>The first paragraph of the page, long enough to count as prose, with commas, a few clauses and &amp; an entity, caf&eacute; and &#233;.</p>
        <p>A second paragraph with <em>emphasis</em>, <strong>weight</strong> and <a href="https://example.org/elsewhere">a link</a> inside its sentence, which goes on.</p>
        <h2>A section</h2><blockquote><p>A quoted sentence stands here.</p></blockquote><pre><code>let answer = 42;</code></pre>
        <table><tr><th>Name</th><th>Value</th></tr><tr><td>one</td><td>1</td></tr></table><ul><li>first item</li><li>second item</li></ul><ol><li>step</li></ol>
        <figure><img src="/picture.png" alt="a picture"><figcaption>A caption.</figcaption></figure></article>
        <aside class="sidebar"><div class="widget related"><a href="/other">Another story</a></div></aside>
        <section id="comments" class="comments"><div class="comment"><p>A reader's comment.</p></div></section></main>
        <footer class="site-footer"><p>Copyright 2024 Winnow. <a href="/privacy">Privacy</a></p></footer></body></html>
        """u8;

    /// <summary>
    /// Decodes a page's bytes (<see cref="CharsetDecoder"/>: byte-order mark, the HTTP content type,
    /// a meta declaration, else detection) and extracts from them: what `winnow extract` does per page.
    /// </summary>
    internal ExtractedPage Extract(PageInput page) => Extract(page.Bytes, page.ContentType, page.Url);

    /// <summary>A page's bytes as <see cref="Extract(PageInput)"/> takes them, from a buffer the caller reuses.</summary>
    internal ExtractedPage Extract(ReadOnlySpan<byte> bytes, string? contentType, string? url)
    {
        if (_options.Parser == HtmlParserKind.AngleSharp)
        {
            return Extract(CharsetDecoder.Decode(bytes, contentType), url);
        }

        // The page is decoded into this thread's buffer, not a string of its own: the parser copies
        // what it keeps, so one buffer serves every page, warm in the cache, where a string per page
        // was a third of all the extractor allocated (two bytes a character of fresh memory).
        var buffer = PageBuffer<char>.ForPage();
        var length = CharsetDecoder.DecodeInto(bytes, contentType, buffer);
        var document = FastHtmlParser.ForThread.ParseInPlace(buffer.Span[..Math.Min(length, _options.MaxHtmlChars)], _options.MaxNesting);
        return ExtractParsed(document, length, url);
    }

    /// <summary>Extracts content and metadata from decoded HTML.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">The page's URL when known; dates in it are a last-resort source.</param>
    public ExtractedPage Extract(string html, string? url = null)
    {
        var shown = html.Length > _options.MaxHtmlChars ? html[.._options.MaxHtmlChars] : html;
        if (_options.Parser != HtmlParserKind.AngleSharp)
        {
            return ExtractParsed(FastHtmlParser.ForThread.Parse(shown, _options.MaxNesting), html.Length, url);
        }

        var warning = html.Length > _options.MaxHtmlChars ? CutWarning(html.Length) : null;
        var excess = NestingGuard.FindExcess(shown, _options.MaxNesting);
        if (excess >= 0)
        {
            shown = shown[..excess];
            warning = NestingWarning(excess);
        }

        using var parsed = Parser.Value!.ParseDocument(shown);
        return Extract(AngleSharpTreeReader.Read(parsed), url, warning);
    }

    // A page the fast parser read (its first MaxHtmlChars of `length` characters): the warning says
    // where it was cut, by nesting before length.
    private ExtractedPage ExtractParsed(HtmlDocumentTree document, int length, string? url) =>
        Extract(document, url, document.CutAt >= 0 ? NestingWarning(document.CutAt) : length > _options.MaxHtmlChars ? CutWarning(length) : null);

    /// <summary>Metadata and main content of a parsed page (the steps after parsing, apart for profiling).</summary>
    internal ExtractedPage Extract(HtmlDocumentTree document, string? url, string? warning = null)
    {
        var metadata = MetadataReader.Read(document, url);
        var text = ExtractText(document.Body, metadata, document.AllElements.Count);
        return new ExtractedPage(text, metadata.Title, metadata.Author, metadata.Date, metadata.SiteName,
            metadata.Language, metadata.Description, metadata.Url)
        {
            Warning = warning,
        };
    }

    private string CutWarning(int length) => $"page of {length:N0} characters cut to {_options.MaxHtmlChars:N0}";

    private string NestingWarning(int at) => $"tags nested deeper than {_options.MaxNesting:N0}: page cut at character {at:N0}";

    private string ExtractText(HtmlNode body, PageMetadata metadata, int elements)
    {
        var builder = new ContentTreeBuilder(_options, elements: elements);
        var root = builder.Build(body);
        var containers = ContentFinder.Find(builder.Elements, metadata.ArticleBody, _options);
        if (builder.SkippedAsides && ContentFinder.Prose(containers) < ContentFinder.WeakProse)
        {
            // Little or nothing to read outside <aside> and <noscript>: a post put in an aside, or a
            // page built by scripts whose copy for readers without them (as we parse, scripting
            // off) is the text. Taken when it holds more than twice the prose.
            builder = new ContentTreeBuilder(_options, keepAsides: true, elements);
            var retryRoot = builder.Build(body);
            if (ContentFinder.Find(builder.Elements, metadata.ArticleBody, _options) is { } found
                && ContentFinder.Prose(found) > 2 * ContentFinder.Prose(containers))
            {
                (root, containers) = (retryRoot, found);
            }
        }

        containers ??= [root];
        ContentCleaner.Clean(containers, _options);
        var text = new ContentRenderer(_options).Render(containers);
        if (text.Length == 0 && ContentFinder.Visible(containers, _options) > 0)
        {
            // Cleaning left nothing of content that holds text: a page whose text is all links
            // (an index of teasers, a list of headlines). Its links are the text, rather than none.
            ContentCleaner.Clean(containers, _options, keepLinkBlocks: true);
            text = new ContentRenderer(_options).Render(containers);
        }

        return text;
    }
}
