using System.Text;
using Winnow.Filters;
using Winnow.Pii;

namespace Winnow.Tests.Pii;

/// <summary>
/// Inputs built to make a backtracking or rescanning matcher quadratic: at 2 MB, a quadratic scan
/// would take on the order of 10^12 steps (hours), so these tests finishing at all is the evidence.
/// The scanners are linear by construction: each trigger character looks a bounded distance
/// around itself (64/255 chars for e-mail, 39 for IPv6, 34 for IBAN), and digit runs are consumed once.
/// </summary>
public class AdversarialInputTests
{
    private const int Size = 2 << 20;

    public static TheoryData<string> Patterns => new()
    {
        "a@", "a.", "@a.", "a@b.", "1.", "1 ", "1-", "+1 ", "(1) ", "1:", "a:", "::", "f:", "DE89", "DE89 ", "A1", "x@y.co@",
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void RepeatedPatternsScanInOnePass(string pattern)
    {
        var text = Repeat(pattern);
        var found = new List<PiiSpan>();
        PiiScanner.Scan(text, PiiKind.All, found);
        Assert.True(found.Count <= text.Length);
        var last = 0;
        foreach (var span in found)
        {
            Assert.True(span.Start >= last); // sorted, never overlapping
            last = span.End;
        }
    }

    [Fact]
    public void OneHugeDigitRunAndLocalPart()
    {
        var found = new List<PiiSpan>();
        PiiScanner.Scan(new string('7', Size), PiiKind.All, found);
        PiiScanner.Scan(new string('a', Size) + "@", PiiKind.All, found);
        PiiScanner.Scan("a@" + new string('b', Size), PiiKind.All, found);
        Assert.Empty(found);
    }

    [Fact]
    public void FiltersStayLinearOnRepetitiveText()
    {
        // Every n-gram repeats: the worst case for the repetition filter's n-gram tables.
        var doc = new Winnow.Documents.Document("d", Repeat("the same words again and again "), new Winnow.Documents.DocumentSource("t", 1, 0), 0, Size);
        new GopherRepetitionFilter().Process(doc);
        Assert.StartsWith("gopher_repetition.", doc.Removal!.Reason, StringComparison.Ordinal);
        var brackets = new Winnow.Documents.Document("b", Repeat("[1[2[edit[") + ".", new Winnow.Documents.DocumentSource("t", 1, 0), 0, Size);
        new C4Filter(new C4Options { Mode = FilterMode.Annotate }).Process(brackets);
        Assert.Null(brackets.Removal);
    }

    private static string Repeat(string pattern)
    {
        var builder = new StringBuilder(Size + pattern.Length);
        while (builder.Length < Size)
        {
            builder.Append(pattern);
        }

        return builder.ToString();
    }
}
