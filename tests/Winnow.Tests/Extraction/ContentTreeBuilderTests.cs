using CsCheck;
using Winnow.Extraction;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

/// <summary>The text tallies the content finder weighs blocks by.</summary>
public class ContentTreeBuilderTests
{
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("a, b", 3, 1)]
    [InlineData(" \t\n\v\f\r", 0, 0)]
    [InlineData("one, two, three, four, five", 23, 4)]
    [InlineData("\u00a0\u2003中文，句子、再一个، end,", 14, 4)]
    [InlineData("\u001c\u001f abcdefgh ijklmnop\u0085", 18, 0)]
    public void CountsCharactersThatAreNotWhiteSpaceAndCommas(string text, int chars, int commas)
    {
        ContentTreeBuilder.CountText(text, out var c, out var k);
        Assert.Equal((chars, commas), (c, k));
    }

    [Fact]
    public void CountsAsCharIsWhiteSpaceDoesWhateverTheText()
    {
        // Runs of mixed ASCII, white space, commas and other scripts at every length, so that the
        // blocks counted at once and those counted one by one are both checked.
        var chars = Gen.OneOf(Gen.Char['\0', '\u007f'], Gen.Const(' '), Gen.Const(','), Gen.Const('\u00a0'), Gen.Const('，'),
            Gen.Const('、'), Gen.Const('،'), Gen.Const('\u2003'), Gen.Char['\u0080', '\uffff']);
        chars.Array[0, 70].Select(a => new string(a)).SampleFixed(text =>
        {
            ContentTreeBuilder.CountText(text, out var c, out var k);
            Assert.Equal(text.Count(ch => !char.IsWhiteSpace(ch)), c);
            Assert.Equal(text.Count(ch => ch is ',' or '，' or '、' or '،'), k);
        }, seed: "0N0XIzNsQ0O2", iter: 2000);
    }
}
