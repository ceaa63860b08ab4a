namespace Winnow.Synth;

/// <summary>One boilerplate paragraph: its exact text, the site or author it belongs to, and where it sits.</summary>
internal sealed record BoilerplateParagraph(string Text, string Group, string Role);
