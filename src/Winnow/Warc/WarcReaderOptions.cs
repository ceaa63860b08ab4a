namespace Winnow.Warc;

/// <summary>Limits of the WARC reader.</summary>
public readonly record struct WarcReaderOptions
{
    /// <summary>Creates the defaults.</summary>
    public WarcReaderOptions()
    {
    }

    /// <summary>Largest record block, and largest decoded payload, kept. Default 16 MiB.</summary>
    public int MaxRecordBytes { get; init; } = 16 << 20;

    /// <summary>Largest WARC or HTTP header block. Default 64 KiB.</summary>
    public int MaxHeaderBytes { get; init; } = 64 << 10;

    /// <summary>Keep only HTTP 200 responses. Default true.</summary>
    public bool OnlyOk { get; init; } = true;
}
