using System.Globalization;
using System.Text;
using CsCheck;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>
/// Generators of hostile input: text over every code point (lone surrogates and noncharacters
/// included), JSON records of every shape, HTML tag soup, and raw bytes. Weighted towards what
/// breaks text loops: controls, separators, every kind of whitespace, combining marks, long runs.
/// </summary>
internal static class HostileGen
{
    /// <summary>The seed the properties draw their cases from, the same on every run (see <see cref="FixedCases"/>; WINNOW_FUZZ_SEED explores others).</summary>
    public const string Seed = "0N0w5mT3Cy1u";

    /// <summary>The iterations of a property: <paramref name="ci"/>, times WINNOW_FUZZ_SCALE for a longer run.</summary>
    public static int Iterations(int ci) =>
        ci * (int.TryParse(Environment.GetEnvironmentVariable("WINNOW_FUZZ_SCALE"), CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1);

    private static readonly string[] Words =
    [
        "the", "of", "and", "a", "to", "in", "is", "news", "report", "said", "Müller", "naïve", "東京", "данные", "ข่าว", "مرحبا",
        "https://a.example/x?y=1", "mail@example.org", "o'brien@example.ie", "8.8.8.8", "host:8.8.4.4", "(10.0.0.1)", "2001:db8::1",
        "+44 7700 900123", "4111 1111 1111 1111", "DE89370400440532013000", "#", "*", "-", ">", "|", "```", "[link](http://x)",
        "<p>", "</p>", "<div class=\"comment\">", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "...", "…", "“", "”", "«", "»",
    ];

    private static readonly char[] Spaces =
    [
        ' ', '\t', '\n', '\v', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2007',
        '\u200A', '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF', '\u180E',
    ];

    /// <summary>Any code point U+0000–U+10FFFF, surrogate halves included (alone), as a string of one or two chars.</summary>
    public static readonly Gen<string> AnyCodePoint = Gen.Int[0, 0x10FFFF].Select(cp =>
        cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));

    private static readonly Gen<string> Control = Gen.OneOf(Gen.Int[0, 0x1F], Gen.Int[0x7F, 0x9F]).Select(c => ((char)c).ToString());

    private static readonly Gen<string> Noncharacter = Gen.OneOf(
        Gen.Int[0xFDD0, 0xFDEF].Select(c => ((char)c).ToString()),
        Gen.Int[0, 16].Select(plane => char.ConvertFromUtf32((plane << 16) | 0xFFFE)),
        Gen.Int[0, 16].Select(plane => char.ConvertFromUtf32((plane << 16) | 0xFFFF)));

    private static readonly Gen<string> Combining = Gen.Int[0x300, 0x36F].Select(c => ((char)c).ToString());

    private static readonly Gen<string> Format = Gen.OneOf(Gen.Const("\u200D"), Gen.Const("\u200C"), Gen.Const("\u202E"), Gen.Const("\u2066"), Gen.Const("\u00AD"));

    private static readonly Gen<string> Space = Gen.OneOf(Spaces.Select(c => Gen.Const(c.ToString())).ToArray());

    private static readonly Gen<string> Word = Gen.OneOf(Words.Select(Gen.Const).ToArray());

    private static readonly Gen<string> Run = Gen.Select(Gen.OneOf(AnyCodePoint, Space, Gen.Const("a"), Gen.Const(".")), Gen.Int[2, 3000], (s, n) => string.Concat(Enumerable.Repeat(s, n)));

    private static readonly Gen<string> Atom = Gen.Frequency(
        (8, Word), (6, Space), (3, AnyCodePoint), (3, Control), (1, Noncharacter), (2, Combining), (1, Format), (1, Run),
        (2, Gen.Char['a', 'z'].Array[1, 12].Select(c => new string(c))));

    /// <summary>Hostile text: up to a few hundred atoms.</summary>
    public static readonly Gen<string> Text = Atom.Array[0, 200].Select(string.Concat);

    /// <summary>Text made only of the characters that stop text loops: separators, controls, marks.</summary>
    public static readonly Gen<string> Separators = Gen.OneOf(Space, Control, Combining, Format).Array[0, 60].Select(string.Concat);

    /// <summary>A JSON string literal for <paramref name="text"/>, each char raw or \u-escaped at random; a surrogate half becomes a lone escape.</summary>
    public static Gen<string> JsonString(Gen<string> text) => Gen.Select(text, Gen.ULong, (t, bits) =>
    {
        var b = new StringBuilder("\"");
        var i = 0;
        foreach (var c in t)
        {
            var escape = c < 0x20 || c is '"' or '\\' || char.IsSurrogate(c) && !IsPaired(t, i) || ((bits >> (i++ % 64)) & 1) == 1 && c > 0x7F;
            if (!escape)
            {
                b.Append(c);
            }
            else if (c is '"' or '\\')
            {
                b.Append('\\').Append(c);
            }
            else
            {
                b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return b.Append('"').ToString();
    });

    private static bool IsPaired(string t, int i) =>
        char.IsHighSurrogate(t[i]) ? i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]) : i > 0 && char.IsHighSurrogate(t[i - 1]);

    /// <summary>Any JSON value, nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> JsonValue(int depth) => depth <= 0
        ? Gen.OneOf(JsonString(Text), Gen.Const("null"), Gen.Const("true"), Gen.Const("0"), Gen.Const("-1.5e300"), Gen.Const("1e999"), Gen.Const("123456789012345678901234567890"))
        : Gen.Frequency(
            (4, JsonValue(0)),
            (1, JsonValue(depth - 1).Array[0, 4].Select(v => "[" + string.Join(',', v) + "]")),
            (1, Gen.Select(JsonString(Word).Array[0, 4], JsonValue(depth - 1).Array[4], (k, v) => "{" + string.Join(',', k.Select((key, i) => key + ":" + v[i])) + "}")));

    private static readonly Gen<string> FieldName = Gen.Frequency(
        (4, Gen.OneOf(Gen.Const("\"text\""), Gen.Const("\"id\""), Gen.Const("\"url\""), Gen.Const("\"metadata\""), Gen.Const("\"source\""))),
        (2, JsonString(Word)), (1, JsonString(Text)));

    /// <summary>One JSONL line: mostly objects with a text, sometimes anything, sometimes broken.</summary>
    public static readonly Gen<string> JsonLine = Gen.Frequency(
        (10, Gen.Select(JsonString(Text), Gen.Select(FieldName, JsonValue(2)).Array[0, 5], Gen.Bool, (text, extra, first) =>
        {
            var fields = extra.Select(f => f.Item1 + ":" + f.Item2).ToList();
            fields.Insert(first ? 0 : fields.Count, "\"text\":" + text);
            return "{" + string.Join(',', fields) + "}";
        })),
        (2, JsonValue(3)),
        (1, Gen.Int[60, 120].Select(n => "{\"text\":\"deep\",\"m\":" + new string('[', n) + new string(']', n) + "}")),
        (1, Text.Select(t => t.Replace("\n", " ", StringComparison.Ordinal))),
        (1, Gen.Select(JsonString(Text), Gen.Int[1, 40], (s, cut) => "{\"text\":" + s[..Math.Min(s.Length, cut)])));

    /// <summary>A JSONL file's text: lines joined by \n, \r\n or blank lines, sometimes a BOM first.</summary>
    public static readonly Gen<string> JsonlFile = Gen.Select(JsonLine.Array[1, 30], Gen.Int[0, 3], (lines, style) =>
        (style == 3 ? "\uFEFF" : "") + string.Join(style switch { 1 => "\r\n", 2 => "\n\n", _ => "\n" }, lines) + (style == 0 ? "\n" : ""));

    private static readonly string[] Tags = ["html", "head", "body", "title", "p", "div", "span", "a", "table", "tr", "td", "ul", "li", "script", "style", "noscript", "object", "embed", "aside", "article", "main", "nav", "footer", "template", "svg", "math", "select", "textarea", "iframe", "pre", "code", "h1", "br", "img", "form", "frameset", "plaintext", "xmp"];

    private static readonly Gen<string> Tag = Gen.OneOf(Tags.Select(Gen.Const).ToArray());

    private static readonly Gen<string> HtmlAtom = Gen.Frequency(
        (4, Gen.Select(Tag, Gen.OneOf(Gen.Const(""), Gen.Const(" class=\"content article\""), Gen.Const(" id=comments"), Gen.Const(" style='display:none'"), JsonString(Text).Select(s => " title=" + s)), (t, a) => "<" + t + a + ">")),
        (3, Tag.Select(t => "</" + t + ">")),
        (6, Text.Select(t => t.Length > 300 ? t[..300] : t)),
        (1, Gen.OneOf(Gen.Const("<!--"), Gen.Const("-->"), Gen.Const("<![CDATA["), Gen.Const("<!DOCTYPE html>"), Gen.Const("&#x110000;"), Gen.Const("&#9999999999;"), Gen.Const("<meta charset=\"utf-16\">"), Gen.Const("<meta http-equiv=\"Content-Language\" content=\"UTF-8\">"))),
        (1, Gen.Int[50, 400].Select(n => string.Concat(Enumerable.Repeat("<div>", n)))));

    /// <summary>An HTML page: tag soup with hostile text, unclosed and deeply nested elements.</summary>
    public static readonly Gen<string> Html = HtmlAtom.Array[0, 120].Select(string.Concat);

    /// <summary>Raw bytes: random, or hostile text in UTF-8 cut at a random byte.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.OneOf(
        Gen.Byte.Array[0, 3000],
        Gen.Select(Text, Gen.Int[0, 4000], (t, cut) =>
        {
            var b = Encoding.UTF8.GetBytes(t);
            return b[..Math.Min(b.Length, cut)];
        }));
}
