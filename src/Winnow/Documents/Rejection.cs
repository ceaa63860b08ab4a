namespace Winnow.Documents;

/// <summary>An input record that could not become a document: bad JSON, bad encoding, too large, unreadable.</summary>
/// <param name="Source">The file and line (or offset) of the record.</param>
/// <param name="Reason">A stable snake_case reason, counted in stats, e.g. "malformed_json".</param>
/// <param name="Message">One line that says what is wrong and, where it helps, what to do.</param>
/// <param name="Bytes">The record's size in input bytes, for accounting.</param>
public sealed record Rejection(DocumentSource Source, string Reason, string Message, long Bytes)
{
    /// <summary>The one-line form printed to the user: "file:line: message".</summary>
    public override string ToString() => $"{Source}: {Message}";
}
