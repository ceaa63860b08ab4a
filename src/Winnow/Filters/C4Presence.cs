using System.Buffers;

namespace Winnow.Filters;

/// <summary>
/// Which of C4's marks occur anywhere in a text: a line can hold a mark only if the text does, so
/// most lines skip the searches. The phrases are first looked for all at once, in one vectorized
/// pass; only a text that holds one of them is searched for each.
/// </summary>
internal readonly struct C4Presence
{
    private static readonly SearchValues<string> Phrases = SearchValues.Create(
        ["lorem ipsum", "javascript", "cookie", "terms of use", "privacy policy"], StringComparison.OrdinalIgnoreCase);

    public C4Presence(ReadOnlySpan<char> text, in C4Options options)
    {
        Bracket = options.RemoveCitations && text.Contains('[');
        Brace = options.RemoveCurlyBrace && text.Contains('{');
        if ((options.RemoveLoremIpsum || options.DropJavascriptLines || options.DropPolicyLines) && text.ContainsAny(Phrases))
        {
            Lorem = options.RemoveLoremIpsum && text.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase);
            Javascript = options.DropJavascriptLines && text.Contains("javascript", StringComparison.OrdinalIgnoreCase);
            Policy = options.DropPolicyLines && (text.Contains("cookie", StringComparison.OrdinalIgnoreCase)
                || text.Contains("terms of use", StringComparison.OrdinalIgnoreCase)
                || text.Contains("privacy policy", StringComparison.OrdinalIgnoreCase));
        }
    }

    public bool Bracket { get; }

    public bool Lorem { get; }

    public bool Javascript { get; }

    public bool Brace { get; }

    public bool Policy { get; }
}
