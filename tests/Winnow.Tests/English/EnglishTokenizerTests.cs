using Winnow.Text.English;

namespace Winnow.Tests.English;

/// <summary>
/// One case per rule of spaCy's English tokenizer and sentencizer, with the tokens spaCy 3.5.4 gives
/// (through DataTrove's split_into_words / split_into_sentences); bench/spacy_tokens.py compares the two
/// on whole corpora and on probe strings for every code point.
/// </summary>
public class EnglishTokenizerTests
{
    [Theory]
    [InlineData("Don't stop", "Do|n't|stop")] // exception: n't contraction
    [InlineData("I cannot go, gonna try", "I|can|not|go|,|gon|na|try")] // exceptions cannot, gonna; suffix ','
    [InlineData("Mr. Smith met Dr. Who e.g. today", "Mr.|Smith|met|Dr.|Who|e.g.|today")] // abbreviations kept whole
    [InlineData("at 5pm and 10a.m. sharp", "at|5|pm|and|10|a.m.|sharp")] // times split from the number
    [InlineData("Im sure wed go", "I|m|sure|we|d|go")] // apostrophe-less contractions (spaCy splits 'wed')
    [InlineData("It’s John’s", "It|’s|John|’s")] // typographic apostrophe variants
    [InlineData("(hello) \"quoted\" 'single'", "(|hello|)|\"|quoted|\"|'|single|'")] // prefixes and suffixes: brackets and quotes
    [InlineData("costs $5 or US$10 or C$3", "costs|$|5|or|US$|10|or|C$|3")] // currency prefixes
    [InlineData("..start and +1 but +x", "..|start|and|+1|but|+|x")] // prefix dots; '+' only when no digit follows
    [InlineData("end. and 3. and e.g. U.S. and AB.", "end|.|and|3|.|and|e.g.|U.S.|and|AB|.")] // suffix '.': after lower case or digit, after two capitals, not after one
    [InlineData("John's dog", "John|'s|dog")] // suffix 's
    [InlineData("10km 5kg 3m/s 20%", "10|km|5|kg|3|m/s|20|%")] // units after a number
    [InlineData("5$ and 7€", "5|$|and|7|€")] // currency after a number
    [InlineData("wait... really…", "wait|...|really|…")] // ellipses
    [InlineData("well— said", "well|—|said")] // dash suffix
    [InlineData("20°C. hot", "20|°|C|.|hot")] // the °C. exception
    [InlineData("self-made 3-4 1-a", "self|-|made|3|-|4|1|-|a")] // infix hyphens between letters, or digits
    [InlineData("one.Two three,four a:b x/y x=y", "one|.|Two|three|,|four|a|:|b|x|/|y|x|=|y")] // infixes . , : / =
    [InlineData("www.example.com/path?q=1 and user@example.com", "www.example.com/path?q=1|and|user@example.com")] // URLs and addresses kept whole
    [InlineData("http://192.168.1.1/admin 8.8.8.8/x", "http://192.168.1.1|/|admin|8.8.8.8/x")] // private IPv4 hosts are not URLs
    [InlineData("hi:) and x'' and word:)", "hi|:)|and|x|''|and|word|:)")] // the special-case matcher merges :) and ''
    [InlineData("wow😀 ok", "wow|😀|ok")] // icons split off, surrogate pairs kept whole
    [InlineData("a\u00A0b\tc  d", "a|b|c|d")] // whitespace other than one space is its own (dropped) token
    [InlineData("The U.S.A. vs. the E.U.", "The|U.S.A.|vs.|the|E.U.")] // dotted capitals
    [InlineData("rock'n'roll y'all c'mon", "rock'n'roll|y'|all|c'm|on")] // apostrophes inside words; y'all and c'mon
    public void TokenizesAsSpacy(string text, string tokens) => Assert.Equal(tokens.Split('|'), Words(text));

    [Theory]
    [InlineData("Hello there.  Second one! third? yes", 4)]
    [InlineData("No end", 1)]
    [InlineData("A. B. C.", 1)]
    [InlineData("Wait... what?! Yes.", 2)]
    [InlineData("He said \"go.\" Then left.", 2)]
    [InlineData("1. 2. 3.", 3)]
    public void CountsSentencesAsSpacy(string line, int sentences) => Assert.Equal(sentences, EnglishSentencizer.Count(line));

    [Fact]
    public void TableHasSpacysExceptionCount() => Assert.Equal(1347, EnglishTokenizer.Rules.Instance.Keys.Length);

    [Fact]
    public void WhitespaceTokensAreReportedButNotCounted()
    {
        var sink = new Collect();
        EnglishTokenizer.Tokenize("a  b\n", ref sink);
        Assert.Equal(["a:False", " :True", "b:False", "\n:True"], sink.Tokens("a  b\n"));
        Assert.Equal(2, EnglishTokenizer.CountWords("a  b\n"));
    }

    private static string[] Words(string text)
    {
        var sink = new Collect();
        EnglishTokenizer.Tokenize(text, ref sink);
        return [.. sink.Spans.Where(s => !s.Space).Select(s => text.Substring(s.Start, s.Length))];
    }

    private struct Collect : ITokenSink
    {
        public List<(int Start, int Length, bool Space)> Spans;

        public void Add(int start, int length, bool space) => (Spans ??= []).Add((start, length, space));

        public readonly string[] Tokens(string text) => [.. Spans.Select(s => $"{text.Substring(s.Start, s.Length)}:{s.Space}")];
    }
}
