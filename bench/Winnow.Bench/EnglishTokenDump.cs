using System.Text.Json;
using Winnow.Text;
using Winnow.Text.English;

namespace Winnow.Bench;

/// <summary>
/// Writes what the English tokenizer and sentencizer make of each text of a JSONL file, for
/// bench/spacy_tokens.py to compare with spaCy: {"id", "tokens": [...], "starts": [...], "sentences": [...]}, the
/// tokens (and their UTF-16 offsets) without whitespace ones (as DataTrove's word tokenizer returns them) and the sentence
/// count of every stripped line (as DataTrove's C4 filter counts them). With "exceptions", writes the
/// exception table instead: one line per string, its tokens, and its pattern when the matcher has one.
/// </summary>
internal static class EnglishTokenDump
{
    public static void Tokens(string input, string output)
    {
        using var writer = new StreamWriter(output);
        var tokens = new List<string>();
        var starts = new List<int>();
        var sentences = new List<int>();
        foreach (var line in File.ReadLines(input))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString();
            var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            tokens.Clear();
            starts.Clear();
            var sink = new Collect(text, tokens, starts);
            EnglishTokenizer.Tokenize(text, ref sink);
            sentences.Clear();
            for (var start = 0; start < text.Length;)
            {
                var end = PythonStrings.LineEnd(text, start, out var next);
                sentences.Add(EnglishSentencizer.Count(PythonStrings.Strip(text.AsSpan(start, end - start))));
                start = next;
            }

            writer.WriteLine(JsonSerializer.Serialize(new { id, tokens, starts, sentences }));
        }
    }

    public static void Exceptions(string output)
    {
        var rules = EnglishTokenizer.Rules.Instance;
        using var writer = new StreamWriter(output);
        for (var i = 0; i < rules.Keys.Length; i++)
        {
            var key = rules.Keys[i];
            var parts = new List<string>();
            var at = 0;
            foreach (var length in rules.TokenLengths(i))
            {
                parts.Add(key.Substring(at, length));
                at += length;
            }

            writer.WriteLine(JsonSerializer.Serialize(new { key, tokens = parts }));
        }
    }

    private readonly struct Collect(string text, List<string> tokens, List<int> starts) : ITokenSink
    {
        public void Add(int start, int length, bool space)
        {
            if (!space)
            {
                tokens.Add(text.Substring(start, length));
                starts.Add(start);
            }
        }
    }
}
