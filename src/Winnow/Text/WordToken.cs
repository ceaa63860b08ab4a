namespace Winnow.Text;

/// <summary>A word of a text: where it is, and a hash of its lower-cased form.</summary>
/// <param name="Start">Offset of the first char in the original text.</param>
/// <param name="End">Offset one past the last char.</param>
/// <param name="Hash">64-bit hash of the lower-cased word; equal words hash equal.</param>
internal readonly record struct WordToken(int Start, int End, ulong Hash);
