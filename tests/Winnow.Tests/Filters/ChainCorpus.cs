using System.Text;
using System.Text.Json;
using Winnow.Synth;

namespace Winnow.Tests.Filters;

/// <summary>
/// Documents that exercise every filter rule: synthetic articles, each bent one of many ways (repeated
/// lines, bullets, code, lorem ipsum, PII, CRLF, ...), plus hand-made edge cases. All text is generated.
/// </summary>
internal static class ChainCorpus
{
    private const int Variants = 26;

    public static List<string> Build(int synthDocs)
    {
        var folder = Directory.CreateTempSubdirectory("winnow-chain-").FullName;
        try
        {
            var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = synthDocs, Seed = 11, MaxDegreeOfParallelism = 1 }, Path.Combine(folder, "c.jsonl"));
            var texts = new List<string>(EdgeCases());
            var index = 0;
            foreach (var line in File.ReadLines(summary.DocsPath))
            {
                var text = JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
                texts.Add(Bend(text, index % Variants, index));
                index++;
            }

            return texts;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> EdgeCases() =>
    [
        "", "\n", "\n\n\n", "   ", "\r\n", "word", "a\r\n\r\nb", "\r", "...", "…", "{", "}", "#", "- ", "• ",
        "Contact me at jane.doe@example.org or +44 20 7946 0958.",
        "lorem ipsum", "LOREM IPSUM DOLOR.", "javascript", "[1][2][edit][citation needed]",
        string.Concat(Enumerable.Repeat("The same line again and again.\n", 60)),
        string.Concat(Enumerable.Repeat("the cat and the dog ", 300)),
        string.Concat(Enumerable.Repeat("one two three four five six seven eight nine ten eleven. ", 80)),
        string.Concat(Enumerable.Repeat("x", 5000)),
        string.Join("\n", Enumerable.Range(0, 200).Select(i => $"Line number {i} of this long and plain list, with the words of it.")),
        string.Join("\n\n", Enumerable.Range(0, 60).Select(i => i % 3 == 0 ? "A repeated paragraph of the text.\nWith two lines in it." : $"Paragraph {i} is here and it has the words of a paragraph.")),
        "Ünïcödé wörds with ümlauts and the ñ of España, and that is it.\u2028Next line after a line separator.\u00A0NBSP here. 日本語の文。中文句子！",
    ];

    private static string Bend(string text, int variant, int index)
    {
        var lines = text.Split('\n');
        switch (variant)
        {
            case 0: return text;
            case 1: return string.Join("\n", lines.SelectMany(l => new[] { l, l }));
            case 2: return text + "\n\n" + lines[0] + "\n\n" + lines[0];
            case 3: return string.Join("\n", lines.Select((l, i) => (i % 3) switch { 0 => "• " + l, 1 => "- " + l, _ => "* " + l }));
            case 4: return Insert(lines, index, "function f(x) { return x + 1; }", "if (a) {", "}");
            case 5: return Insert(lines, index, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.");
            case 6: return Insert(lines, index, "Please enable JavaScript to view the comments powered by us.");
            case 7: return string.Join("\n", lines.Select((l, i) => l + (i % 4) switch { 0 => "[1]", 1 => " [edit]", 2 => "[citation needed].", _ => " [12 a]" }));
            case 8: return Insert(lines, index, "This site uses cookies to give you the best experience.", "Read our Privacy Policy and Terms of Use here.", "We use cookies.");
            case 9: return Insert(lines, index, "Write to jane.doe@example.org or call 020 7946 0958 today.", "Server 192.168.10.20 and 2001:db8::1 logged card 4111 1111 1111 1111.", "Pay to GB82 WEST 1234 5698 7654 32 or +33 6 12 34 56 78.");
            case 10: return string.Join(' ', text.Split(' ').Take(30 + (index % 40)));
            case 11: return text.Replace("\n", "\r\n", StringComparison.Ordinal);
            case 12: return string.Join("\n", lines.Select((l, i) => i % 2 == 0 ? l + "  \t" : "\t" + l + "\n \n"));
            case 13: return string.Join("\n", lines.Select((l, i) => i % 2 == 0 ? l.TrimEnd('.') + "..." : l.TrimEnd('.') + "…"));
            case 14: return string.Join("\n", lines.Select(l => "#news #today " + l));
            case 15: return Insert(lines, index, string.Join(" and ", Enumerable.Repeat("the best price on the market for you today", 3 + (index % 9))) + ".");
            case 16: return string.Join("\n", text.Split(' '));
            case 17: return string.Join("\n", lines.Select(l => l.TrimEnd('.', '!', '?')));
            case 18: return Insert(lines, index, "A long word " + new string('w', 1001 + (index % 5)) + " ends here.");
            case 19: return string.Join("\n", lines.Select((l, i) => (i % 3) switch { 0 => "“" + l + "”", 1 => l.Replace(' ', '\u00A0') + " — émigré café。", _ => "¿" + l + "?" }));
            case 20: return text.ToUpperInvariant();
            case 21: return Insert(lines, index, "2024 1999 3000 42 17 88 1234 5678", "12 34 56 78 90 11 22 33 44 55", "7 8 9 10 11 12 13 14 15 16");
            case 22: return text + "\n\n" + text;
            case 23: return Insert(lines, index, "# A heading", "---", "!!!", "( ... )", "*", "{ }");
            case 24:
                var builder = new StringBuilder();
                foreach (var l in lines)
                {
                    builder.Append(l).Append('\n').Append(l.Length > 40 ? l[..40] : l).Append('\n');
                }

                return builder.ToString();
            default: return string.Join(" ", lines);
        }
    }

    private static string Insert(string[] lines, int index, params string[] extra)
    {
        var list = lines.ToList();
        foreach (var line in extra)
        {
            list.Insert((index * 7 + line.Length) % (list.Count + 1), line);
        }

        return string.Join("\n", list);
    }
}
