namespace Winnow.Extraction;

/// <summary>What the HTML extractor keeps and how it writes it.</summary>
public readonly record struct ExtractionOptions
{
    /// <summary>Creates the defaults.</summary>
    public ExtractionOptions()
    {
    }

    /// <summary>Output format. Default <see cref="ExtractionFormat.Text"/>.</summary>
    public ExtractionFormat Format { get; init; } = ExtractionFormat.Text;

    /// <summary>Keep comment sections. Default false.</summary>
    public bool IncludeComments { get; init; }

    /// <summary>Keep tables (rows as lines, cells separated by " | "; in Markdown, data tables as pipe tables). Default true.</summary>
    public bool IncludeTables { get; init; } = true;

    /// <summary>Keep link targets in Markdown output as [text](href). Default false.</summary>
    public bool IncludeLinks { get; init; }

    /// <summary>Pages larger than this many characters are cut before parsing. Default 8 Mi characters.</summary>
    public int MaxHtmlChars { get; init; } = 8 << 20;

    /// <summary>Pages whose tags nest deeper than this are cut where they do (parsing is quadratic in depth). Default 5,000.</summary>
    public int MaxNesting { get; init; } = 5000;

    /// <summary>HTML parser. Default <see cref="HtmlParserKind.Fast"/>; <see cref="HtmlParserKind.AngleSharp"/> is the reference.</summary>
    public HtmlParserKind Parser { get; init; } = HtmlParserKind.Fast;

    /// <summary>Elements beyond this nesting depth are flattened into their ancestor. Default 512.</summary>
    public int MaxDepth { get; init; } = 512;
}
