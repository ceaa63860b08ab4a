using Winnow.Documents;
using Winnow.Filters;
using Winnow.Language;

namespace Winnow.Tests.Language;

public class LanguageIdentifierTests
{
    private static readonly Lazy<LanguageIdentifier?> s_identifier = new(() =>
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
        var identifier = s_identifier.Value!;

        var sample = Sample().ToList();
        var wrong = sample.Where(s => identifier.Identify(s.Text).Language != s.Language).Select(s => s.Language + ": " + identifier.Identify(s.Text).Language).ToList();
        Assert.Equal(39, sample.Count);
        Assert.True(wrong.Count <= 2, "misidentified: " + string.Join("; ", wrong));
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
        var identifier = s_identifier.Value!;

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
