using Winnow.Documents;
using Winnow.Language;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// Identifies each document's language, records it with its score ("language" → {"language": "en",
/// "score": 0.61, "margin": 0.2, "runner_up": "sco"}) and removes documents not in the kept
/// languages ("language.not_kept") or below the score ("language.score"). Kept languages are BCP 47
/// tags matched by their subtags: "zh" keeps zh-Hans and zh-Hant, "zh-Hant" only the latter.
/// </summary>
/// <remarks>Thread-safe: the identifier is read-only.</remarks>
public sealed class LanguageFilter : DocumentStage
{
    private readonly LanguageFilterOptions _options;
    private readonly LanguageIdentifier _identifier;
    private readonly string[] _keep;

    /// <summary>Creates the filter, loading the profiles now.</summary>
    /// <exception cref="FileNotFoundException">The profiles are not installed; the message says how to get them.</exception>
    /// <exception cref="ArgumentException">A kept language is not a language tag, or no profile is of that language.</exception>
    public LanguageFilter(LanguageFilterOptions? options = null, LanguageIdentifier? identifier = null)
    {
        _options = options ?? new LanguageFilterOptions();
        _identifier = identifier ?? LanguageIdentifier.Load(_options.ProfileDirectory);
        foreach (var code in _options.Languages)
        {
            if (Check(code, _identifier.Languages) is { } message)
            {
                throw new ArgumentException(message, nameof(options));
            }
        }

        _keep = [.. _options.Languages.Select(code => LanguageTags.Normalize(code, _identifier.Languages)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Why <paramref name="code"/> cannot be a kept language, or null when it can: it is a BCP 47 tag and some profile is of that language.</summary>
    public static string? Check(string code, IReadOnlyList<string> profiles)
    {
        if (LanguageTags.Normalize(code, [.. profiles]) is not { } tag)
        {
            return $"'{code}' is not a BCP 47 language tag (e.g. en, de, zh, zh-Hant, pt-BR)";
        }

        return profiles.Any(p => LanguageTags.Matches(p, tag))
            ? null
            : $"no language profile matches '{code}' (known: {string.Join(", ", profiles)})";
    }

    /// <inheritdoc />
    public override string Name => "language";

    /// <inheritdoc />
    public override void Process(Document document)
    {
        var guess = _identifier.Identify(document.Text);
        document.SetAttribute(Name, "language", guess.Language);
        document.SetAttribute(Name, "score", Math.Round(guess.Score, 4));
        document.SetAttribute(Name, "margin", Math.Round(guess.Margin, 4));
        document.SetAttribute(Name, "runner_up", guess.Runner);
        if (_keep.Length == 0)
        {
            return;
        }

        var check = new RuleCheck(document, Name, _options.Mode);
        var kept = false;
        foreach (var wanted in _keep)
        {
            kept |= LanguageTags.Matches(guess.Language, wanted);
        }

        check.Flag("not_kept", !kept, $"language {guess.Language} (score {RuleCheck.Format(guess.Score)}) not in [{string.Join(", ", _keep)}]");
        if (check.Open)
        {
            check.AtLeast("score", guess.Score, _options.MinScore);
        }

        check.Apply();
    }
}
