namespace Winnow.Readers;

/// <summary>One file of a run's input.</summary>
/// <param name="Path">The path to open ("-" for standard input).</param>
/// <param name="Name">The name used in ids and sources: relative to the input folder, '/' separated.</param>
/// <param name="Kind">How it is read.</param>
/// <param name="Length">Its size on disk in bytes, or -1 when unknown (standard input).</param>
public sealed record InputFile(string Path, string Name, InputKind Kind, long Length)
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";
}
