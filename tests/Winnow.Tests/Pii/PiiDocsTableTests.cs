using Winnow.Documents;
using Winnow.Pii;
using Winnow.Tests.Support;

namespace Winnow.Tests.Pii;

/// <summary>
/// The PII cases table of docs/filters.md ("### Cases") is the test data: each row's text, redacted with
/// the defaults and with <c>public_ips_only: false</c>, must give what its Winnow columns say.
/// </summary>
public class PiiDocsTableTests
{
    public static TheoryData<string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string>();
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepoRoot, "docs", "filters.md"));
        var at = Array.IndexOf(lines, "### Cases");
        Assert.True(at >= 0, "docs/filters.md has no '### Cases' section");
        foreach (var line in lines.Skip(at).TakeWhile(l => !l.StartsWith("Where Winnow differs", StringComparison.Ordinal)))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            var text = Unquote(cells[0]);
            var redacted = Unquote(cells[1]);
            rows.Add(text, redacted, cells[2] == "same" ? redacted : Unquote(cells[2]));
        }

        return rows;
    }

    [Fact]
    public void TheTableHasTheIssueCases() => Assert.True(Rows().Count >= 20);

    [Theory]
    [MemberData(nameof(Rows))]
    public void RedactsAsTheDocsSay(string text, string byDefault, string everyAddress)
    {
        Assert.Equal(byDefault, Redact(text, new PiiOptions()));
        Assert.Equal(everyAddress, Redact(text, new PiiOptions { PublicIpsOnly = false }));
    }

    [Theory]
    [InlineData("write `a|b@example.com` here", "write `<EMAIL>` here")]   // '|' and '`' are atext; the opening '`' is not kept in the address
    [InlineData("(x.y@example.com)", "(<EMAIL>)")]
    [InlineData(".lead@example.com", ".<EMAIL>")]
    [InlineData("tail.@example.com", "tail.@example.com")]
    public void EmailLocalPartsFollowDotAtom(string text, string expected) => Assert.Equal(expected, Redact(text, new PiiOptions()));

    private static string Unquote(string cell) => cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1] : cell;

    private static string Redact(string text, PiiOptions options)
    {
        var document = new Document("d", text, new DocumentSource("t", 1, 0), 0, text.Length);
        new PiiStage(options).Process(document);
        return document.Text;
    }
}
