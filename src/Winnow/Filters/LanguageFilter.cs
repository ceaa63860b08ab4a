using Winnow.Documents;
using Winnow.Language;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// Identifies each document's language, records it with its score ("language" → {"language": "en",
/// "score": 0.61, "margin": 0.2, "runner_up": "sco"}) and removes documents not in the kept
/// languages ("language.not_kept") or below the score ("language.score").
/// </summary>
/// <remarks>Thread-safe: the identifier is read-only.</remarks>
public sealed class LanguageFilter : DocumentStage
{
    private readonly LanguageFilterOptions _options;
    private readonly LanguageIdentifier _identifier;
    private readonly HashSet<string> _keep;

    /// <summary>Creates the filter, loading the profiles now.</summary>
    /// <exception cref="FileNotFoundException">The profiles are not installed; the message says how to get them.</exception>
    public LanguageFilter(LanguageFilterOptions? options = null, LanguageIdentifier? identifier = null)
    {
        _options = options ?? new LanguageFilterOptions();
        _identifier = identifier ?? LanguageIdentifier.Load(_options.ProfileDirectory);
        _keep = new HashSet<string>(_options.Languages, StringComparer.OrdinalIgnoreCase);
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
        if (_keep.Count == 0)
        {
            return;
        }

        var check = new RuleCheck(document, Name, _options.Mode);
        check.Flag("not_kept", !_keep.Contains(guess.Language), $"language {guess.Language} (score {RuleCheck.Format(guess.Score)}) not in [{string.Join(", ", _keep.Order(StringComparer.Ordinal))}]");
        if (check.Open)
        {
            check.AtLeast("score", guess.Score, _options.MinScore);
        }

        check.Apply();
    }
}
