namespace Winnow.Boilerplate;

/// <summary>A paragraph, or a line of a multi-line paragraph, with the hash of its normalized words.</summary>
/// <param name="Start">First non-blank char.</param>
/// <param name="End">One past the last non-blank char.</param>
/// <param name="Hash">Hash of the word sequence (see <see cref="TextUnits"/>).</param>
/// <param name="Words">Number of words.</param>
/// <param name="IsLine">True for a line inside a multi-line paragraph.</param>
/// <param name="Paragraph">Index of the paragraph the unit belongs to.</param>
internal readonly record struct TextUnit(int Start, int End, ulong Hash, int Words, bool IsLine, int Paragraph);
