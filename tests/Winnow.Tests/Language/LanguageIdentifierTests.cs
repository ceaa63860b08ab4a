using Winnow.Documents;
using Winnow.Filters;
using Winnow.Language;

namespace Winnow.Tests.Language;

public class LanguageIdentifierTests
{
    private static readonly Lazy<LanguageIdentifier?> SharedIdentifier = new(() =>
        Directory.Exists(LanguageIdentifier.DefaultDirectory) && Directory.GetFiles(LanguageIdentifier.DefaultDirectory, "*.lm").Length > 0
            ? LanguageIdentifier.Load()
            : null);

    internal static IEnumerable<(string Language, string Text)> Sample() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Language", "labelled-sample.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p[1]));

    [ProfilesFact]
    public void LabelledSampleAccuracy()
    {
        var identifier = SharedIdentifier.Value!;

        var sample = Sample().ToList();
        var wrong = sample.Where(s => identifier.Identify(s.Text).Language != s.Language).Select(s => s.Language + ": " + identifier.Identify(s.Text).Language).ToList();
        Assert.Equal(49, sample.Count);
        Assert.True(wrong.Count <= 3, "misidentified: " + string.Join("; ", wrong));
    }

    [ProfilesFact]
    public void ScriptsWithoutSpacesReachTheDefaultMinScore()
    {
        // Chinese, Japanese, Korean and Thai have far more n-grams than a 400-entry profile holds; the
        // score counts only n-grams some profile knows, so a right guess scores like one in English.
        var identifier = SharedIdentifier.Value!;
        var minScore = new LanguageFilterOptions().MinScore;
        foreach (var (language, text) in Sample().Where(s => s.Language is "zh-Hans" or "zh-Hant" or "ja" or "ko" or "th"))
        {
            var guess = identifier.Identify(text);
            Assert.True(LanguageTags.Matches(guess.Language, language.Split('-')[0]), $"{language}: {guess.Language}");
            Assert.True(guess.Score >= minScore, $"{language}: score {guess.Score}");
        }
    }

    [ProfilesFact]
    public void ZhKeepsBothScriptsAndBadCodesAreRunFileErrors()
    {
        var keepZh = (LanguageFilter)FilterConfig.Parse("filters:\n  - language: {languages: [zh]}\n").Single();
        foreach (var (_, text) in Sample().Where(s => s.Language.StartsWith("zh", StringComparison.Ordinal)))
        {
            var document = new Document("d", text, new DocumentSource("t", 1, 0), 0, text.Length);
            keepZh.Process(document);
            Assert.False(document.IsRemoved, text);
        }

        var english = Assert.Throws<FilterConfigException>(() => FilterConfig.Parse("filters:\n  - language: {languages: [en, english]}\n", "run.yaml"));
        Assert.StartsWith("run.yaml:2:32: 'english' is not a BCP 47 language tag", english.Message, StringComparison.Ordinal);
        var xx = Assert.Throws<FilterConfigException>(() => FilterConfig.Parse("filters:\n  - language:\n      languages: [xx]\n", "run.yaml"));
        Assert.StartsWith("run.yaml:3:19: ", xx.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LanguageFilter(new LanguageFilterOptions { Languages = ["klingon"] }));
    }

    [Fact]
    public void MissingProfilesGiveAClearMessage()
    {
        var error = Assert.Throws<FileNotFoundException>(() => LanguageIdentifier.Load(Path.Combine(Path.GetTempPath(), "winnow-no-profiles-" + Guid.NewGuid())));
        Assert.Contains("libexttextcat-data", error.Message, StringComparison.Ordinal);
    }

    [ProfilesFact]
    public void FilterRecordsLanguageAndRemovesOthers()
    {
        var identifier = SharedIdentifier.Value!;

        var sample = Sample().ToList();
        var english = new Document("en", sample.First(s => s.Language == "en").Text, new DocumentSource("t", 1, 0), 0, 1);
        var german = new Document("de", sample.First(s => s.Language == "de").Text, new DocumentSource("t", 2, 0), 1, 1);
        var filter = new LanguageFilter(new LanguageFilterOptions { Languages = ["en"], MinScore = 0 }, identifier);
        filter.Process(english);
        filter.Process(german);
        Assert.Null(english.Removal);
        Assert.Equal("en", (string)english.Attributes!["language"]!["language"]!);
        Assert.Equal("language.not_kept", german.Removal!.Reason);
        Assert.Contains("language de", german.Removal.Detail, StringComparison.Ordinal);
    }
}

/// <summary>Skipped where Debian's libexttextcat-data (the n-gram profiles) is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ProfilesFactAttribute : FactAttribute
{
    public ProfilesFactAttribute()
    {
        if (!Directory.Exists(LanguageIdentifier.DefaultDirectory) || Directory.GetFiles(LanguageIdentifier.DefaultDirectory, "*.lm").Length == 0)
        {
            Skip = $"no language profiles in {LanguageIdentifier.DefaultDirectory} (apt-get install libexttextcat-data)";
        }
    }
}
