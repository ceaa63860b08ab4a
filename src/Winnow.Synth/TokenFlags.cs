namespace Winnow.Synth;

/// <summary>Rendering switches on a token; the near-copy edits only ever touch these and the marks.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>First letter upper case (sentence start or title word).</summary>
    Capital = 1,

    /// <summary>The token closes a sentence; passages and truncation cut only here.</summary>
    SentenceEnd = 2,

    /// <summary>Render two spaces before the token instead of one.</summary>
    ExtraSpace = 4,

    /// <summary>Render the whole token upper case.</summary>
    Upper = 8,

    /// <summary>Render lower case even where <see cref="Capital"/> is set.</summary>
    Lower = 16,
}
