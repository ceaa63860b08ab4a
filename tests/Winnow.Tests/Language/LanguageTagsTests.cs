using Winnow.Extraction;
using Winnow.Language;

namespace Winnow.Tests.Language;

public class LanguageTagsTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN_us", "en-US")]
    [InlineData("zh-hant", "zh-Hant")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh_CN", "zh-Hans")]
    [InlineData("sr-latn-RS", "sr-Latn-RS")]
    [InlineData("de-1996", "de-1996")]
    [InlineData(" pt-BR ", "pt-BR")]
    [InlineData("UTF-8", null)]
    [InlineData("english", null)]
    [InlineData("xx", null)]
    [InlineData("x-default", null)]
    [InlineData("en-", null)]
    [InlineData("", null)]
    public void NormalizesTagsAndRejectsTheRest(string tag, string? expected) => Assert.Equal(expected, LanguageTags.Normalize(tag));

    [Theory]
    [InlineData("zh-Hans", "zh", true)]
    [InlineData("zh-Hant", "zh", true)]
    [InlineData("zh-Hant", "zh-Hans", false)]
    [InlineData("en", "en-US", true)]
    [InlineData("sr-Latn", "sr", true)]
    [InlineData("sco", "s", false)]
    [InlineData("en", "eo", false)]
    public void MatchesBySubtags(string detected, string wanted, bool matches) => Assert.Equal(matches, LanguageTags.Matches(detected, wanted));

    [Theory]
    [InlineData("<html><head><meta http-equiv=\"Content-Language\" content=\"UTF-8\"></head><body><p>Text.</p></body></html>", null)]
    [InlineData("<html lang=\"utf-8\"><head><meta http-equiv=\"Content-Language\" content=\"de-DE\"></head><body><p>Text.</p></body></html>", "de-DE")]
    [InlineData("<html lang=\"EN_us\"><body><p>Text.</p></body></html>", "en-US")]
    public void PageLanguagesThatAreNotTagsAreIgnored(string html, string? language) => Assert.Equal(language, new HtmlExtractor().Extract(html).Language);
}
