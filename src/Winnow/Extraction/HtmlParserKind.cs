namespace Winnow.Extraction;

/// <summary>Which HTML parser the extractor uses.</summary>
public enum HtmlParserKind
{
    /// <summary>Winnow's own single-pass tolerant parser: several times faster, equal in accuracy on the benchmark pages.</summary>
    Fast,

    /// <summary>AngleSharp's full HTML5 parser: the reference path.</summary>
    AngleSharp,
}
