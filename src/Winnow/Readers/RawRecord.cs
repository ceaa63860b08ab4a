using Winnow.Documents;

namespace Winnow.Readers;

/// <summary>
/// One record as read, before parsing: a slice of its batch's buffer, or a rejection the reader
/// already made (too large, unreadable). <see cref="FileOffset"/>: where its bytes start in its
/// file when the file is read as it lies on disk (an uncompressed JSONL file, not a pipe), so they
/// can be read there again; -1 otherwise.
/// </summary>
internal readonly record struct RawRecord(
    InputFile File,
    long Line,
    int Offset,
    int Length,
    long Ordinal,
    Rejection? Rejection,
    ContainerRecord? Container = null,
    long FileOffset = -1);
