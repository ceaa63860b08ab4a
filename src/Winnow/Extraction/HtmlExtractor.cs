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
