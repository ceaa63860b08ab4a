namespace Winnow.Filters;

/// <summary>
/// Which of C4's marks occur anywhere in a text, found with one vectorized search each over the
/// whole text: a line can hold a mark only if the text does, so most lines skip the searches.
/// </summary>
internal readonly struct C4Presence
{
    public C4Presence(ReadOnlySpan<char> text, in C4Options options)
    {
        Bracket = options.RemoveCitations && text.Contains('[');
        Lorem = options.RemoveLoremIpsum && text.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase);
        Javascript = options.DropJavascriptLines && text.Contains("javascript", StringComparison.OrdinalIgnoreCase);
        Brace = options.RemoveCurlyBrace && text.Contains('{');
        Policy = options.DropPolicyLines && (text.Contains("cookie", StringComparison.OrdinalIgnoreCase)
            || text.Contains("terms of use", StringComparison.OrdinalIgnoreCase)
            || text.Contains("privacy policy", StringComparison.OrdinalIgnoreCase));
    }

    public bool Bracket { get; }

    public bool Lorem { get; }

    public bool Javascript { get; }

    public bool Brace { get; }

    public bool Policy { get; }
}
