using Winnow.Documents;

namespace Winnow.Readers;

/// <summary>
/// One record as read, before parsing: a slice of its batch's buffer, or a rejection the reader
/// already made (too large, unreadable).
/// </summary>
internal readonly record struct RawRecord(
    InputFile File,
    long Line,
    int Offset,
    int Length,
    long Ordinal,
    Rejection? Rejection,
    ContainerRecord? Container = null);
