namespace Winnow.Documents;

/// <summary>The reasons readers give for rejecting input. Stable: they are keys in stats.json.</summary>
public static class RejectionReasons
{
    /// <summary>A JSONL line that is not one valid JSON object.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>Bytes that are not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>Well-formed JSON whose strings are not Unicode text: a lone surrogate escape such as <c>\ud800</c>.</summary>
    public const string InvalidUnicode = "invalid_unicode";

    /// <summary>A record without the configured text field.</summary>
    public const string MissingText = "missing_text_field";

    /// <summary>A record whose text field is not a string.</summary>
    public const string TextNotString = "text_not_string";

    /// <summary>A record larger than the configured maximum document size.</summary>
    public const string TooLarge = "too_large";

    /// <summary>An input file with no content at all.</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>A compressed file that ends early or fails its checksum.</summary>
    public const string CorruptCompression = "corrupt_compression";

    /// <summary>A Parquet file whose footer cannot be read, or a row group of one that cannot be decoded.</summary>
    public const string CorruptParquet = "corrupt_parquet";

    /// <summary>An Arrow IPC file whose schema or a record batch of which cannot be read.</summary>
    public const string CorruptArrow = "corrupt_arrow";

    /// <summary>A file that could not be read (permissions, I/O error).</summary>
    public const string ReadError = "read_error";

    /// <summary>A file of a format Winnow does not read.</summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary>A WARC record that ends before its Content-Length: the file was cut short.</summary>
    public const string WarcTruncatedRecord = "warc_truncated_record";

    /// <summary>A WARC header without a valid Content-Length, or over the header size limit.</summary>
    public const string WarcBadHeader = "warc_bad_header";

    /// <summary>Bytes between WARC records that belong to none (after a wrong Content-Length), skipped up to the next record.</summary>
    public const string WarcStrayBytes = "warc_stray_bytes";

    /// <summary>A WARC response record of an HTTP(S) URI whose block holds no readable HTTP head.</summary>
    public const string WarcBadHttp = "warc_bad_http";
}
