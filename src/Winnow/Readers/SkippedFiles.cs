namespace Winnow.Readers;

/// <summary>Files of an input folder that a run does not read, by reason. Stable: the reasons are keys in stats.json.</summary>
public static class SkippedFileReasons
{
    /// <summary>A format Winnow does not read yet (.7z, .zip, .tar, .wat, .avro, .orc...).</summary>
    public const string UnsupportedType = "unsupported_type";

    /// <summary>A file of no type Winnow reads (images, stylesheets, ...), left out of a folder without --glob.</summary>
    public const string OtherType = "other_type";

    /// <summary>A FIFO, socket or device: reading one could block or never end.</summary>
    public const string SpecialFile = "special_file";

    /// <summary>A folder reached again through a symbolic link (a loop, or a second way in).</summary>
    public const string FolderLink = "folder_seen_before";

    /// <summary>A file reached again through a link: read once, under its first name.</summary>
    public const string SameFile = "file_seen_before";

    /// <summary>
    /// The description of a Hugging Face dataset saved with save_to_disk (dataset_info.json and
    /// state.json beside its .arrow files, dataset_dict.json above its splits): not documents.
    /// </summary>
    public const string DatasetMetadata = "dataset_metadata";
}

/// <summary>How many files were skipped for one reason, and the first few of their names.</summary>
/// <param name="Count">Files skipped.</param>
/// <param name="Examples">Up to <see cref="MaxExamples"/> names, in walk order.</param>
public sealed record SkippedFiles(long Count, IReadOnlyList<string> Examples)
{
    /// <summary>Names kept per reason.</summary>
    public const int MaxExamples = 5;

    /// <summary>One more file.</summary>
    public SkippedFiles Add(string name) => new(Count + 1, Examples.Count < MaxExamples ? [.. Examples, name] : Examples);

    /// <summary>Both tallies together (examples in order, first ones kept).</summary>
    public SkippedFiles Add(SkippedFiles other) => new(Count + other.Count, [.. Examples.Concat(other.Examples).Take(MaxExamples)]);

    /// <summary>Writes the tallies as stats.json's (and a run plan's) "skipped_files" object.</summary>
    internal static void WriteJson(System.Text.Json.Utf8JsonWriter w, IReadOnlyDictionary<string, SkippedFiles> byReason)
    {
        w.WriteStartObject("skipped_files");
        foreach (var (reason, tally) in byReason)
        {
            w.WriteStartObject(reason);
            w.WriteNumber("files", tally.Count);
            w.WriteStartArray("examples");
            foreach (var name in tally.Examples)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>Reads back what <see cref="WriteJson"/> wrote.</summary>
    internal static Dictionary<string, SkippedFiles> ReadJson(System.Text.Json.JsonElement skippedFiles) =>
        skippedFiles.EnumerateObject().ToDictionary(
            p => p.Name, p => new SkippedFiles(p.Value.GetProperty("files").GetInt64(), [.. p.Value.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!)]));
}
