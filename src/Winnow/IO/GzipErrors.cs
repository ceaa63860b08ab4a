namespace Winnow.IO;

/// <summary>
/// Builds the exceptions the gzip reader throws. <see cref="InvalidDataException"/> is sealed,
/// so the offset travels in <see cref="Exception.Data"/> as well as in the message.
/// </summary>
internal static class GzipErrors
{
    public static InvalidDataException Create(string message, long compressedOffset, Exception? inner = null)
    {
        var ex = new InvalidDataException($"{message} (at compressed byte offset {compressedOffset})", inner);
        ex.Data[GzipReadStream.CompressedOffsetKey] = compressedOffset;
        return ex;
    }

    public static InvalidDataException Truncated(long inputLength, long memberStart) =>
        Create($"gzip input ends inside the member that starts at offset {memberStart}; the file is truncated", inputLength);

    public static InvalidDataException Empty() => Create("gzip input is empty", 0);
}
