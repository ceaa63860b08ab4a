using Winnow.Extraction;
using Winnow.Language;

namespace Winnow.Tests.Extraction;

/// <summary>The page language is taken only from valid BCP 47 tags, normalised.</summary>
public class LanguageTagTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    [InlineData("en_US", "en-US")]
    [InlineData("en-us", "en-US")]
    [InlineData(" pt-br ", "pt-BR")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("zh-yue-HK", "zh-yue-HK")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("sl-rozaj-biske", "sl-rozaj-biske")]
    [InlineData("en-US-u-ca-gregory", "en-US-u-ca-gregory")]
    [InlineData("en-x-private", "en-x-private")]
    [InlineData("eng", "en")]
    [InlineData("ger", "de")]
    [InlineData("fra-FR", "fr-FR")]
    [InlineData("iw", "he")]
    [InlineData("haw", "haw")]
    [InlineData("ast-ES", "ast-ES")]
    public void ValidTagsAreNormalised(string raw, string tag) => Assert.Equal(tag, LanguageTags.Normalize(raw));

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("utf8")]
    [InlineData("x")]
    [InlineData("english")]
    [InlineData("English")]
    [InlineData("und")]
    [InlineData("mul")]
    [InlineData("zz")]
    [InlineData("qaa")]
    [InlineData("en-")]
    [InlineData("en--US")]
    [InlineData("en-US-x")]
    [InlineData("en-a")]
    [InlineData("en-USA-toolongsubtag1")]
    [InlineData("text/html")]
    [InlineData("")]
    [InlineData(null)]
    public void InvalidTagsAreNoLanguage(string? raw) => Assert.Null(LanguageTags.Normalize(raw));

    [Fact]
    public void AnInvalidHtmlLangGivesWayToAValidSource()
    {
        var page = new HtmlExtractor().Extract("""
            <html lang="x"><head><meta http-equiv="Content-Language" content="UTF-8"><meta property="og:locale" content="fr_CA"></head>
            <body><p>Texte.</p></body></html>
            """);
        Assert.Equal("fr-CA", page.Language);
    }

    [Fact]
    public void ACharsetInContentLanguageIsNoLanguage()
    {
        var page = new HtmlExtractor().Extract("""
            <html><head><meta http-equiv="Content-Language" content="UTF-8"></head><body><p>Text.</p></body></html>
            """);
        Assert.Null(page.Language);
    }

    [Fact]
    public void ContentLanguageListGivesItsFirstTag()
    {
        var page = new HtmlExtractor().Extract("""
            <html><head><meta http-equiv="content-language" content="de-at, en"></head><body><p>Text.</p></body></html>
            """);
        Assert.Equal("de-AT", page.Language);
    }
}
