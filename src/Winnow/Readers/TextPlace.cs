namespace Winnow.Readers;

/// <summary>
/// Where a record's text stands in its input file, as the content of a JSON string (between its
/// quotes): <see cref="Length"/> bytes from <see cref="Offset"/>, which
/// <see cref="FlatJsonScanner.Unescape(ReadOnlySpan{byte}, Span{char})"/> decodes to the text. Lets exact verification read a
/// text again from the input instead of keeping a copy of every text. No file: not known.
/// </summary>
internal readonly record struct TextPlace(InputFile? File, long Offset, int Length)
{
    public bool IsKnown => File is not null;
}
