namespace Winnow.Language;

/// <summary>The language a text most likely is in.</summary>
/// <param name="Language">The profile's name, e.g. "en", "de", "zh-Hans"; "unknown" when the text has no letters.</param>
/// <param name="Score">
/// 1 − distance / largest possible distance, in [0, 1]: how much closer to the profile the text is
/// than a text sharing no n-gram with it. Around 0.5 and above for a clear match on a paragraph of prose.
/// </param>
/// <param name="Margin">(second-best distance − best distance) / best distance: how clear the winner is.</param>
/// <param name="Runner">The second-best language.</param>
public readonly record struct LanguageGuess(string Language, double Score, double Margin, string Runner);
